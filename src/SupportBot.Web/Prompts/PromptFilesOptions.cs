using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.Prompts;

/// <summary>The <c>Prompts</c> section.</summary>
public sealed class PromptFilesOptions
{
    public const string Section = "Prompts";

    /// <summary>Folder of the prompt files, relative to the app root.</summary>
    [Required]
    public string Directory { get; set; } = "dialogs";
}

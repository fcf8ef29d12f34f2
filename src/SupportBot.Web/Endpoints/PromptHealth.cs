using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Endpoints;

/// <summary>
/// <c>GET /healthz/prompts</c>: the prompts in force and, when the last edit was refused, why (file, line, message).
/// </summary>
/// <param name="Folder">The prompt folder's name, e.g. <c>dialogs</c>.</param>
/// <param name="Prompts">Keys live now.</param>
/// <param name="Variants">Variants live now, over all keys.</param>
/// <param name="LastEditRefused">True when the last reload found errors and kept the previous prompts.</param>
/// <param name="Errors">The errors of that reload; empty when it went live.</param>
public sealed record PromptHealth(string Folder, int Prompts, int Variants, bool LastEditRefused, IReadOnlyList<PromptError> Errors)
{
    public static PromptHealth Of(PromptSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var catalog = source.Current;
        var errors = source.LastErrors;
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(source.Directory)));
        return new PromptHealth(folder, catalog.Keys.Count(), catalog.VariantCount, errors.Count > 0, errors);
    }
}

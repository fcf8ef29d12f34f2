using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.Hosting;

/// <summary>The <c>Bot</c> section: who the bot is on its channels.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The Azure Bot app id. Empty: the embedded default, accepting only loopback callers.</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    [Required]
    public string Name { get; set; } = "SupportBot";
}

/// <summary>The <c>Storage</c> section: where state and transcripts are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// <c>Sqlite</c> (the embedded default, a file in <see cref="DataDirectory"/>), <c>Postgres</c> (a server shared by
    /// several instances, at <see cref="ConnectionString"/>) or <c>Memory</c> (lost on exit).
    /// </summary>
    [Required]
    [RegularExpression("^(Sqlite|Postgres|Memory)$", ErrorMessage = "Storage:Provider must be Sqlite, Postgres or Memory.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The PostgreSQL connection string (Postgres only). Set it from the environment (<c>Storage__ConnectionString</c>), never in a committed file.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Folder for the SQLite file, relative to the app root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}

/// <summary>The <c>Prompts</c> section.</summary>
public sealed class PromptFilesOptions
{
    public const string Section = "Prompts";

    /// <summary>Folder of the prompt files, relative to the app root.</summary>
    [Required]
    public string Directory { get; set; } = "dialogs";
}

/// <summary>The <c>Messages</c> section: limits on what <c>POST /api/messages</c> accepts.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    [Range(1, 1024 * 1024)]
    public int MaxTextLength { get; set; } = 10_000;
}

/// <summary>The <c>Connector</c> section: sending replies to the channel's Bot Connector.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Time allowed for one attempt.</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after the first attempt on 408, 429 and 5xx answers or network errors.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;
}

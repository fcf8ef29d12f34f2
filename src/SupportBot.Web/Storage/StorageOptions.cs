using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.Storage;

/// <summary>The <c>Storage</c> section: where state and transcripts are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// <see cref="StorageProvider.Sqlite"/> (the embedded default, a file in <see cref="DataDirectory"/>),
    /// <see cref="StorageProvider.Postgres"/> (a server shared by several instances, at <see cref="ConnectionString"/>)
    /// or <see cref="StorageProvider.Memory"/> (lost on exit).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Postgres only). Set it from the environment (<c>Storage__ConnectionString</c>), never in a committed file.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Folder for the SQLite file, relative to the app root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}

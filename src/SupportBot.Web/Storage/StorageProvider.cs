namespace SupportBot.Web.Storage;

/// <summary>Where state, transcripts and the follow-up schedule are kept (<c>Storage:Provider</c>, any casing).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data folder: durable, one instance. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server at <c>Storage:ConnectionString</c>: durable, shared by several instances.</summary>
    Postgres,

    /// <summary>In memory: lost on exit.</summary>
    Memory,
}

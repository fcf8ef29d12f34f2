using Npgsql;

namespace SupportBot.Core.State;

/// <summary>
/// A PostgreSQL database for several bot instances behind one load balancer: state with ETags, transcripts and the
/// follow-up schedule, in three tables it creates when missing. Each write is one transaction; a due check-in is
/// taken with <c>FOR UPDATE SKIP LOCKED</c>, so of several instances exactly one sends it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
        using var create = DataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS transcript (id BIGSERIAL PRIMARY KEY, conversation TEXT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS transcript_by_conversation ON transcript (conversation, id);
            CREATE TABLE IF NOT EXISTS followups (case_id TEXT PRIMARY KEY, due BIGINT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS followups_by_due ON followups (due);
            """);
        create.ExecuteNonQuery();
    }

    internal NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

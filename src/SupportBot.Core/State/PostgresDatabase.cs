using Npgsql;

namespace SupportBot.Core.State;

/// <summary>
/// A PostgreSQL database for several bot instances behind one load balancer: state with ETags, transcripts, the
/// outbox and the follow-up schedule, in tables it creates when missing. A turn's state, transcript and outbox
/// entries are one transaction; a due check-in is taken with <c>FOR UPDATE SKIP LOCKED</c>, so of several instances
/// exactly one sends it, and an outbox entry changes only from the version it was read at.
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
            CREATE TABLE IF NOT EXISTS outbox (
                id TEXT PRIMARY KEY, case_id TEXT NOT NULL, status TEXT NOT NULL, due BIGINT, created BIGINT NOT NULL,
                version BIGINT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_by_due ON outbox (due) WHERE due IS NOT NULL;
            CREATE INDEX IF NOT EXISTS outbox_by_case ON outbox (case_id, created);
            CREATE INDEX IF NOT EXISTS outbox_by_status ON outbox (status, created);
            """);
        create.ExecuteNonQuery();
        using var insight = DataSource.CreateCommand(Insight.InsightSql.PostgresSchema);
        insight.ExecuteNonQuery();
    }

    internal NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

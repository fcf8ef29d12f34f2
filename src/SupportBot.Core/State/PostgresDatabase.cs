using Npgsql;

namespace SupportBot.Core.State;

/// <summary>
/// A PostgreSQL database for several bot instances behind one load balancer: state with ETags, transcripts, the
/// outbox (with the follow-up check-ins) and the desk's cases, in tables it creates when missing. A turn's state,
/// transcript, outbox entries and desk rows are one transaction; an outbox entry or a desk row changes only from the
/// version it was read at, so of several instances exactly one sends an entry or takes a case.
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
            CREATE TABLE IF NOT EXISTS outbox (
                id TEXT PRIMARY KEY, case_id TEXT NOT NULL, status TEXT NOT NULL, due BIGINT, created BIGINT NOT NULL,
                version BIGINT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_by_due ON outbox (due) WHERE due IS NOT NULL;
            CREATE INDEX IF NOT EXISTS outbox_by_case ON outbox (case_id, created);
            CREATE INDEX IF NOT EXISTS outbox_by_status ON outbox (status, created);
            CREATE TABLE IF NOT EXISTS desk (
                case_id TEXT PRIMARY KEY, status TEXT NOT NULL, created BIGINT NOT NULL, accepted BIGINT, version BIGINT NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS desk_open ON desk (created) WHERE status <> 'closed';
            CREATE INDEX IF NOT EXISTS desk_accepted ON desk (accepted) WHERE accepted IS NOT NULL;

            -- What older versions kept elsewhere, moved once: the desk's cases from single state items, the
            -- follow-up check-ins from their own table to the outbox.
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM state WHERE key = 'desk/open') THEN
                    INSERT INTO desk (case_id, status, created, accepted, version, json)
                    SELECT substr(key, 11), json::jsonb ->> 'status', (extract(epoch FROM (json::jsonb ->> 'createdAt')::timestamptz) * 1000)::bigint,
                           (extract(epoch FROM (json::jsonb ->> 'acceptedAt')::timestamptz) * 1000)::bigint, 1, json
                    FROM state WHERE starts_with(key, 'desk/case/')
                    ON CONFLICT (case_id) DO NOTHING;
                    DELETE FROM state WHERE key IN ('desk/open', 'desk/waits') OR starts_with(key, 'desk/case/');
                END IF;
            END $$;
            DO $$ BEGIN
                IF to_regclass('followups') IS NOT NULL THEN
                    INSERT INTO outbox (id, case_id, status, due, created, version, json)
                    SELECT 'followup-' || case_id, case_id, 'followup', due, due, 1, json FROM followups
                    ON CONFLICT (id) DO NOTHING;
                    DROP TABLE followups;
                END IF;
            END $$;
            """);
        create.ExecuteNonQuery();
    }

    internal NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

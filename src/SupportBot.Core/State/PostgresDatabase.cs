using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SupportBot.Core.State;

/// <summary>
/// A PostgreSQL database for several bot instances behind one load balancer: state with ETags, transcripts, the
/// outbox (with the follow-up check-ins), the desk's cases, the keys every instance signs with and the Direct Line
/// stream tickets, in tables it creates when missing. A turn's state, transcript, outbox entries and desk rows are one
/// transaction, and a conversation's turns run one at a time across instances (an advisory lock held from before the
/// turn's state is read until it is committed); an outbox entry or a desk row changes only from the version it was
/// read at, so of several instances exactly one sends an entry or takes a case.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    // Any constant: the advisory lock that keeps two instances starting at once from creating the tables together.
    private const long SchemaLock = 0x5375_7070_6F72_7401;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);

        // Connections that only wait for and hold conversation locks come from a pool of their own, so a turn that
        // holds one can always get a connection for its work: the two never wait for each other.
        Locks = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "supportbot-locks" }.ConnectionString);
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var create = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(@lock);
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
            CREATE TABLE IF NOT EXISTS keys (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS stream_tickets (ticket TEXT PRIMARY KEY, json TEXT NOT NULL, expires BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS stream_tickets_by_expiry ON stream_tickets (expires);
            """,
            connection,
            transaction))
        {
            create.Parameters.AddWithValue("lock", SchemaLock);
            create.ExecuteNonQuery();
        }

        using (var insight = new NpgsqlCommand(Insight.InsightSql.PostgresSchema, connection, transaction))
        {
            insight.ExecuteNonQuery();
        }

        // Instances sharing this schema share one notification channel; other schemas of the same database (other
        // deployments, or tests side by side) get channels of their own.
        using (var schema = new NpgsqlCommand("SELECT current_schema()", connection, transaction))
        {
            var name = schema.ExecuteScalar() as string ?? "public";
            Channel = "supportbot_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 8);
        }

        transaction.Commit();
    }

    /// <summary>The connection pool for the bot's statements.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The <c>LISTEN</c>/<c>NOTIFY</c> channel of the instances sharing this database's schema.</summary>
    public string Channel { get; }

    internal NpgsqlDataSource Locks { get; }

    public async ValueTask DisposeAsync()
    {
        await Locks.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }
}

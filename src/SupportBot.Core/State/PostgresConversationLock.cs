using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SupportBot.Core.State;

/// <summary>
/// A conversation held against the turns of other instances: a session-level advisory lock on a 64-bit hash of the
/// conversation's key, taken on a connection of its own and held until disposed. PostgreSQL hands a waited-for lock
/// to its waiters in the order they asked, and releases it if the instance dies, with its connection.
/// </summary>
internal sealed class PostgresConversationLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _lock;

    private PostgresConversationLock(NpgsqlConnection connection, long id)
    {
        _connection = connection;
        _lock = id;
    }

    /// <summary>Waits for the conversation <paramref name="key"/>, then holds it.</summary>
    public static async ValueTask<IAsyncDisposable?> AcquireAsync(PostgresDatabase database, string key, CancellationToken cancellationToken)
    {
        var id = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var connection = await database.Locks.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@lock)", connection);
            command.Parameters.AddWithValue("lock", id);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresConversationLock(connection, id);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Not cancellable: a turn that was cancelled still lets the next one in.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@lock)", _connection);
            command.Parameters.AddWithValue("lock", _lock);
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection broke: its session, and the lock with it, ended on the server.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using Npgsql;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests.State;

/// <summary>
/// A real PostgreSQL server for the storage contract tests (<c>SUPPORTBOT_TEST_POSTGRES</c>, which
/// <c>tests/run.sh</c> sets after starting a local server): each database it opens lives in a fresh schema.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private readonly List<(PostgresDatabase Database, string Schema)> _opened = [];

    public static string ConnectionString => Environment.GetEnvironmentVariable("SUPPORTBOT_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : throw new InvalidOperationException("The PostgreSQL tests need a server: run `bash tests/run.sh` (it installs and starts one), or set SUPPORTBOT_TEST_POSTGRES to a connection string.");

    /// <summary>A database in a schema of its own, created now and dropped on dispose.</summary>
    public PostgresDatabase Open()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        using (var admin = NpgsqlDataSource.Create(ConnectionString))
        using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            create.ExecuteNonQuery();
        }

        var database = new PostgresDatabase(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema, MaxPoolSize = 10 }.ConnectionString);
        _opened.Add((database, schema));
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using var admin = NpgsqlDataSource.Create(ConnectionString);
        foreach (var (database, schema) in _opened)
        {
            await database.DisposeAsync();
            await using var drop = admin.CreateCommand($"DROP SCHEMA {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }
}

public sealed class PostgresStorageTests : StorageContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override IStorage CreateStorage() => new PostgresStorage(_postgres.Open());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}

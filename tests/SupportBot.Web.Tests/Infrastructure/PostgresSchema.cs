using Npgsql;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// A schema of its own on the test PostgreSQL server (<c>SUPPORTBOT_TEST_POSTGRES</c>, which <c>tests/run.sh</c>
/// sets after starting a throwaway server), dropped on dispose, and the settings that point an instance at it.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;
    private readonly string _schema;

    private PostgresSchema(NpgsqlDataSource admin, string schema, string connectionString)
    {
        _admin = admin;
        _schema = schema;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the schema (its search path).</summary>
    public string ConnectionString { get; }

    /// <summary>The settings that make an instance keep everything in this schema.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = ConnectionString,
    };

    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("SUPPORTBOT_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("This test needs PostgreSQL: run `bash tests/run.sh` (it starts one), or set SUPPORTBOT_TEST_POSTGRES.");
        var schema = $"t_{Guid.NewGuid():N}";
        var admin = NpgsqlDataSource.Create(server);
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresSchema(admin, schema, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 20 }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _admin.CreateCommand($"DROP SCHEMA {_schema} CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _admin.DisposeAsync();
    }
}

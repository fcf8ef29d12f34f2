using Npgsql;
using SupportBot.Core.State;

namespace SupportBot.Benchmarks.Insight;

/// <summary>A PostgreSQL database in a schema of its own, for one benchmark run; <see cref="DropAsync"/> removes it.</summary>
internal sealed class PostgresSchema(string connectionString, string schema, PostgresDatabase database) : IAsyncDisposable
{
    public PostgresDatabase Database { get; } = database;

    public static async Task<PostgresSchema> CreateAsync(string connectionString, string schema)
    {
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new PostgresSchema(connectionString, schema, new PostgresDatabase(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, MaxPoolSize = 40 }.ConnectionString));
    }

    public async Task DropAsync()
    {
        await Database.DisposeAsync().ConfigureAwait(false);
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await using var drop = admin.CreateCommand($"DROP SCHEMA {schema} CASCADE");
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

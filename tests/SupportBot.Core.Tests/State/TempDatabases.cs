using Microsoft.Data.Sqlite;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests.State;

/// <summary>SQLite databases in a fresh temporary folder, closed and deleted when the test ends.</summary>
internal sealed class TempDatabases : IAsyncDisposable
{
    private readonly List<SqliteDatabase> _databases = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "supportbot-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Opens (or creates) <paramref name="name"/> in the folder; it is disposed with the folder.</summary>
    public SqliteDatabase Open(string name)
    {
        var database = new SqliteDatabase(Path.Combine(Directory, name));
        _databases.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

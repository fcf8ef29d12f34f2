using Microsoft.Data.Sqlite;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests.State;

/// <summary>The rules every <see cref="IStorage"/> obeys; each backend's test class inherits them.</summary>
public abstract class StorageContractTests
{
    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task Storage_MissingKey_IsAbsent()
    {
        var storage = CreateStorage();

        var items = await storage.ReadAsync(["nobody"], CancellationToken.None);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Storage_WriteThenRead_ReturnsJsonAndETag()
    {
        var storage = CreateStorage();

        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("{\"n\":1}", null) }, CancellationToken.None);
        var items = await storage.ReadAsync(["a"], CancellationToken.None);

        Assert.Equal("{\"n\":1}", items["a"].Json);
        Assert.Equal(etags["a"], items["a"].ETag);
    }

    [Fact]
    public async Task Storage_WriteWithCurrentETag_Succeeds_AndChangesETag()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null) }, CancellationToken.None);

        var second = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("2", first["a"]) }, CancellationToken.None);

        Assert.NotEqual(first["a"], second["a"]);
        Assert.Equal("2", (await storage.ReadAsync(["a"], CancellationToken.None))["a"].Json);
    }

    [Fact]
    public async Task Storage_StaleETag_Throws()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null) }, CancellationToken.None);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("2", first["a"]) }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("3", first["a"]) }, CancellationToken.None));

        Assert.Equal("a", error.Key);
        Assert.Equal("2", (await storage.ReadAsync(["a"], CancellationToken.None))["a"].Json);
    }

    [Fact]
    public async Task Storage_WildcardETag_LastWriteWins()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null) }, CancellationToken.None);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("2", "*") }, CancellationToken.None);

        Assert.Equal("2", (await storage.ReadAsync(["a"], CancellationToken.None))["a"].Json);
    }

    [Fact]
    public async Task Storage_OneStaleKeyInBatch_WritesNothing()
    {
        var storage = CreateStorage();
        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null), ["b"] = new("1", null) }, CancellationToken.None);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["b"] = new("2", null) }, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(
            new Dictionary<string, StoreItem> { ["a"] = new("changed", etags["a"]), ["b"] = new("changed", etags["b"]) }, CancellationToken.None));

        var items = await storage.ReadAsync(["a", "b"], CancellationToken.None);
        Assert.Equal("1", items["a"].Json);
        Assert.Equal("2", items["b"].Json);
    }

    [Fact]
    public async Task Storage_Delete_RemovesOnlyThoseKeys()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null), ["b"] = new("1", null) }, CancellationToken.None);

        await storage.DeleteAsync(["a", "never-written"], CancellationToken.None);

        var items = await storage.ReadAsync(["a", "b"], CancellationToken.None);
        Assert.False(items.ContainsKey("a"));
        Assert.True(items.ContainsKey("b"));
    }

    [Fact]
    public async Task Storage_ManyConcurrentWriters_EachKeyLandsOnce()
    {
        var storage = CreateStorage();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => storage.WriteAsync(new Dictionary<string, StoreItem> { [$"k{i}"] = new($"{i}", null) }, CancellationToken.None))));

        var items = await storage.ReadAsync([.. Enumerable.Range(0, 200).Select(i => $"k{i}")], CancellationToken.None);
        Assert.Equal(200, items.Count);
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal($"{i}", items[$"k{i}"].Json));
    }
}

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new MemoryStorage();
}

public sealed class SqliteStorageTests : StorageContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override IStorage CreateStorage() => new SqliteStorage(_databases.Open($"state{Guid.NewGuid():N}.db"));

    [Fact]
    public async Task SqliteStorage_Reopened_KeepsCommittedWrites()
    {
        var path = Path.Combine(_databases.Directory, "reopen.db");
        await using (var first = new SqliteDatabase(path))
        {
            await new SqliteStorage(first).WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("{\"step\":2}", null) }, CancellationToken.None);
        }

        var items = await new SqliteStorage(_databases.Open("reopen.db")).ReadAsync(["a"], CancellationToken.None);

        Assert.Equal("{\"step\":2}", items["a"].Json);
    }

    [Fact]
    public async Task SqliteStorage_StateKeptWithoutRowId_IsMovedToAPlainTableWithItsRows()
    {
        // The layout of databases written by earlier versions: state WITHOUT ROWID, its rows overflowing their pages.
        var path = Path.Combine(_databases.Directory, "earlier.db");
        Directory.CreateDirectory(_databases.Directory);
        var large = "{\"text\":\"" + new string('x', 3000) + "\"}";
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL) WITHOUT ROWID; INSERT INTO state VALUES ('a', '7', $large);";
            create.Parameters.AddWithValue("$large", large);
            create.ExecuteNonQuery();
        }

        var storage = new SqliteStorage(_databases.Open("earlier.db"));
        var items = await storage.ReadAsync(["a"], CancellationToken.None);
        Assert.Equal(large, items["a"].Json);
        Assert.Equal("7", items["a"].ETag);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("{\"step\":3}", "7") }, CancellationToken.None);

        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var schema = check.CreateCommand();
        schema.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'state'";
        Assert.DoesNotContain("WITHOUT ROWID", (string)schema.ExecuteScalar()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("{\"step\":3}", (await storage.ReadAsync(["a"], CancellationToken.None))["a"].Json);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

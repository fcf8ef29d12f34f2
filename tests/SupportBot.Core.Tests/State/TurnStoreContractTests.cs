using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Tests.State;

/// <summary>
/// The rules every <see cref="TurnStore"/> and its <see cref="Outbox"/> obey, for memory, SQLite and PostgreSQL: a
/// turn's state, transcript and outbox entries land together, a turn refused for a stale ETag leaves none of them, and
/// an outbox entry changes only from the version it was read at.
/// </summary>
public abstract class TurnStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract (TurnStore Turns, IStorage Storage, ITranscriptStore Transcripts, Outbox Outbox) Create();

    protected static TurnWrite Turn(string conversation, string? etag, string json, params OutboxRow[] rows) =>
        new(new Dictionary<string, StoreItem> { [$"test/{conversation}"] = new(json, etag) }, "test", conversation, [Activity.CreateMessage("refund please"), Activity.CreateMessage("on it")], rows);

    protected static OutboxRow Row(string id, string caseId = "case-1", DateTimeOffset? due = null, string status = "delivering", int minute = 0) =>
        new(id, caseId, status, due, Now.AddMinutes(minute), $"{{\"id\":\"{id}\"}}");

    [Fact]
    public async Task TurnStore_Commit_WritesStateTranscriptAndOutboxTogether()
    {
        var (turns, storage, transcripts, outbox) = Create();
        var conversation = Guid.NewGuid().ToString("N");

        var etags = await turns.CommitAsync(Turn(conversation, null, "{\"step\":1}", Row($"a-{conversation}", due: Now)), CancellationToken.None);

        Assert.Equal(etags[$"test/{conversation}"], (await storage.ReadAsync([$"test/{conversation}"], CancellationToken.None))[$"test/{conversation}"].ETag);
        Assert.Equal(["refund please", "on it"], (await transcripts.GetTranscriptAsync("test", conversation, 0, CancellationToken.None)).Select(a => a.Text));
        var row = await outbox.GetAsync($"a-{conversation}", CancellationToken.None);
        Assert.Equal(("case-1", "delivering", Now, 1L), (row!.CaseId, row.Status, row.Due!.Value, row.Version));
        Assert.Equal($"{{\"id\":\"a-{conversation}\"}}", row.Json);
    }

    [Fact]
    public async Task TurnStore_StaleETag_WritesNothingOfTheTurn()
    {
        var (turns, storage, transcripts, outbox) = Create();
        var conversation = Guid.NewGuid().ToString("N");
        var first = await turns.CommitAsync(Turn(conversation, null, "{\"step\":1}"), CancellationToken.None);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [$"test/{conversation}"] = new("{\"step\":2}", first[$"test/{conversation}"]) }, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => turns.CommitAsync(Turn(conversation, first[$"test/{conversation}"], "{\"step\":3}", Row($"b-{conversation}")), CancellationToken.None));

        Assert.Equal("{\"step\":2}", (await storage.ReadAsync([$"test/{conversation}"], CancellationToken.None))[$"test/{conversation}"].Json);
        Assert.Equal(2, (await transcripts.GetTranscriptAsync("test", conversation, 0, CancellationToken.None)).Count);
        Assert.Null(await outbox.GetAsync($"b-{conversation}", CancellationToken.None));
    }

    [Fact]
    public async Task TurnStore_ChangeOfAnEntryFromItsVersion_LandsWithTheTurn()
    {
        var (turns, storage, _, outbox) = Create();
        var conversation = Guid.NewGuid().ToString("N");
        var first = await turns.CommitAsync(Turn(conversation, null, "{\"step\":1}", Row(conversation, due: Now)), CancellationToken.None);
        var read = (await outbox.GetAsync(conversation, CancellationToken.None))!;

        await turns.CommitAsync(Turn(conversation, first[$"test/{conversation}"], "{\"step\":2}", read with { Status = "done", Due = null, Json = "{\"told\":true}" }, Row($"check-{conversation}", due: Now)), CancellationToken.None);

        var changed = (await outbox.GetAsync(conversation, CancellationToken.None))!;
        Assert.Equal(("done", (DateTimeOffset?)null, "{\"told\":true}", 2L), (changed.Status, changed.Due, changed.Json, changed.Version));
        Assert.Equal(1L, (await outbox.GetAsync($"check-{conversation}", CancellationToken.None))!.Version);
        Assert.Equal("{\"step\":2}", (await storage.ReadAsync([$"test/{conversation}"], CancellationToken.None))[$"test/{conversation}"].Json);
    }

    [Fact]
    public async Task TurnStore_ChangeOfAnEntryFromAStaleVersion_WritesNothingOfTheTurn()
    {
        var (turns, storage, transcripts, outbox) = Create();
        var conversation = Guid.NewGuid().ToString("N");
        var first = await turns.CommitAsync(Turn(conversation, null, "{\"step\":1}", Row(conversation, due: Now)), CancellationToken.None);
        var read = (await outbox.GetAsync(conversation, CancellationToken.None))!;
        await outbox.UpdateAsync(read with { Status = "colleague", Json = "{\"by\":\"a colleague\"}" }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<StorageConcurrencyException>(() => turns.CommitAsync(Turn(conversation, first[$"test/{conversation}"], "{\"step\":2}", Row($"check-{conversation}", due: Now), read with { Status = "done" }), CancellationToken.None));

        Assert.Equal(conversation, refused.Key);
        Assert.Equal("{\"step\":1}", (await storage.ReadAsync([$"test/{conversation}"], CancellationToken.None))[$"test/{conversation}"].Json);
        Assert.Equal(2, (await transcripts.GetTranscriptAsync("test", conversation, 0, CancellationToken.None)).Count);
        Assert.Null(await outbox.GetAsync($"check-{conversation}", CancellationToken.None));
        var stored = (await outbox.GetAsync(conversation, CancellationToken.None))!;
        Assert.Equal(("colleague", "{\"by\":\"a colleague\"}", 2L), (stored.Status, stored.Json, stored.Version));
    }

    [Fact]
    public async Task Outbox_UpdateFromAStaleVersion_IsRefused()
    {
        var (turns, _, _, outbox) = Create();
        var id = Guid.NewGuid().ToString("N");
        await turns.CommitAsync(Turn(id, null, "{}", Row(id, due: Now)), CancellationToken.None);
        var read = (await outbox.GetAsync(id, CancellationToken.None))!;

        var first = await outbox.UpdateAsync(read with { Status = "done", Due = null, Json = "{\"done\":true}" }, CancellationToken.None);
        var second = await outbox.UpdateAsync(read with { Status = "colleague" }, CancellationToken.None);

        Assert.Equal(2, first!.Version);
        Assert.Null(second);
        var stored = (await outbox.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(("done", (DateTimeOffset?)null, "{\"done\":true}", 2L), (stored.Status, stored.Due, stored.Json, stored.Version));
    }

    [Fact]
    public async Task Outbox_ConcurrentUpdatesFromOneVersion_ExactlyOneWins()
    {
        var (turns, _, _, outbox) = Create();
        var id = Guid.NewGuid().ToString("N");
        await turns.CommitAsync(Turn(id, null, "{}", Row(id, due: Now)), CancellationToken.None);
        var read = (await outbox.GetAsync(id, CancellationToken.None))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => outbox.UpdateAsync(read with { Json = $"{{\"writer\":{i}}}" }, CancellationToken.None))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Outbox_Due_OnlyEntriesDueByNow_SoonestFirst()
    {
        var (_, _, _, outbox) = Create();
        var prefix = Guid.NewGuid().ToString("N");
        await outbox.AddAsync(
            [
                Row($"{prefix}-later", due: Now.AddMinutes(5)),
                Row($"{prefix}-second", due: Now.AddSeconds(-10)),
                Row($"{prefix}-never", due: null),
                Row($"{prefix}-first", due: Now.AddMinutes(-1)),
            ],
            CancellationToken.None);

        var due = (await outbox.DueAsync(Now, CancellationToken.None)).Where(r => r.Id.StartsWith(prefix, StringComparison.Ordinal));

        Assert.Equal([$"{prefix}-first", $"{prefix}-second"], due.Select(r => r.Id));
    }

    [Fact]
    public async Task Outbox_ForCaseOldestFirst_AndWithStatusNewestFirst()
    {
        var (_, _, _, outbox) = Create();
        var caseId = Guid.NewGuid().ToString("N");
        await outbox.AddAsync(
            [
                Row($"{caseId}-2", caseId, status: "colleague", minute: 2),
                Row($"{caseId}-1", caseId, status: "done", minute: 1),
                Row($"{caseId}-3", caseId, status: "delivering", minute: 3),
                Row($"{caseId}-other", "another case", status: "colleague", minute: 4),
            ],
            CancellationToken.None);

        var forCase = await outbox.ForCaseAsync(caseId, CancellationToken.None);
        var open = (await outbox.WithStatusAsync(["colleague", "delivering"], CancellationToken.None)).Where(r => r.CaseId == caseId);

        Assert.Equal([$"{caseId}-1", $"{caseId}-2", $"{caseId}-3"], forCase.Select(r => r.Id));
        Assert.Equal([$"{caseId}-3", $"{caseId}-2"], open.Select(r => r.Id));
    }
}

public sealed class MemoryTurnStoreTests : TurnStoreContractTests
{
    protected override (TurnStore, IStorage, ITranscriptStore, Outbox) Create()
    {
        var storage = new MemoryStorage();
        var transcripts = new MemoryTranscriptStore();
        var outbox = Outbox.InMemory();
        return (TurnStore.Sequential(storage, transcripts, outbox), storage, transcripts, outbox);
    }
}

public sealed class SqliteTurnStoreTests : TurnStoreContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override (TurnStore, IStorage, ITranscriptStore, Outbox) Create()
    {
        var database = _databases.Open($"turns{Guid.NewGuid():N}.db");
        return (TurnStore.InSqlite(database), new SqliteStorage(database), new SqliteTranscriptStore(database), Outbox.InSqlite(database));
    }

    [Fact]
    public async Task SqliteOutbox_Reopened_KeepsTheTurnsEntries()
    {
        var path = Path.Combine(_databases.Directory, "reopen.db");
        await using (var first = new SqliteDatabase(path))
        {
            await TurnStore.InSqlite(first).CommitAsync(new TurnWrite(new Dictionary<string, StoreItem>(), "test", "c1", [Activity.CreateMessage("hi")], [new OutboxRow("kept", "case-9", "delivering", null, DateTimeOffset.UnixEpoch, "{}")]), CancellationToken.None);
        }

        var row = await Outbox.InSqlite(_databases.Open("reopen.db")).GetAsync("kept", CancellationToken.None);

        Assert.Equal("case-9", row?.CaseId);
    }

    [Fact]
    public async Task SqliteTurn_RefusedAfterItsStateWasWritten_LeavesNothing_AndTheTurnsCommittedWithItKeepTheirs()
    {
        var database = _databases.Open($"refused{Guid.NewGuid():N}.db");
        await using (var trigger = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            // SQLite refuses one conversation's transcript, which the turn writes after its state.
            await trigger.OpenAsync();
            await using var create = trigger.CreateCommand();
            create.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON transcript WHEN NEW.conversation = 'test/refused' BEGIN SELECT RAISE(ABORT, 'refused'); END";
            await create.ExecuteNonQueryAsync();
        }

        var turns = TurnStore.InSqlite(database);
        var names = Enumerable.Range(0, 40).Select(i => i == 20 ? "refused" : $"kept-{i}").ToList();

        // All queued at once, so they share the writer's group commits.
        var commits = names.Select(name => turns.CommitAsync(Turn(name, null, $"{{\"name\":\"{name}\"}}", Row($"row-{name}")), CancellationToken.None)).ToList();
        await Assert.ThrowsAnyAsync<SqliteException>(() => commits[20]);
        await Task.WhenAll(commits.Where((_, i) => i != 20));

        var storage = new SqliteStorage(database);
        var transcripts = new SqliteTranscriptStore(database);
        var outbox = Outbox.InSqlite(database);
        Assert.Empty(await storage.ReadAsync(["test/refused"], CancellationToken.None));
        Assert.Empty(await transcripts.GetTranscriptAsync("test", "refused", 0, CancellationToken.None));
        Assert.Null(await outbox.GetAsync("row-refused", CancellationToken.None));
        foreach (var name in names.Where(n => n != "refused"))
        {
            Assert.Equal($"{{\"name\":\"{name}\"}}", (await storage.ReadAsync([$"test/{name}"], CancellationToken.None))[$"test/{name}"].Json);
            Assert.Equal(2, (await transcripts.GetTranscriptAsync("test", name, 0, CancellationToken.None)).Count);
            Assert.NotNull(await outbox.GetAsync($"row-{name}", CancellationToken.None));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

public sealed class PostgresTurnStoreTests : TurnStoreContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override (TurnStore, IStorage, ITranscriptStore, Outbox) Create()
    {
        var database = _postgres.Open();
        return (TurnStore.InPostgres(database), new PostgresStorage(database), new PostgresTranscriptStore(database), Outbox.InPostgres(database));
    }

    [Fact]
    public async Task TurnStore_ConversationHeldByOneInstance_AnotherWaitsUntilItIsReleased()
    {
        var database = _postgres.Open();
        var (one, another) = (TurnStore.InPostgres(database), TurnStore.InPostgres(database));
        var conversation = $"test/{Guid.NewGuid():N}";

        var held = await one.HoldAsync(conversation, CancellationToken.None);
        var waiting = another.HoldAsync(conversation, CancellationToken.None).AsTask();
        await using (await another.HoldAsync($"test/{Guid.NewGuid():N}", CancellationToken.None))
        {
            // Another conversation is not held up.
        }

        await WaitingForALockAsync(database);
        Assert.False(waiting.IsCompleted);
        await held!.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(next);
    }

    /// <summary>Completes once PostgreSQL shows an advisory lock being waited for (30 s at most).</summary>
    private static async Task WaitingForALockAsync(PostgresDatabase database)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var waiting = database.DataSource.CreateCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        while ((long)(await waiting.ExecuteScalarAsync(timeout.Token))! == 0)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}

using SupportBot.Core.Activities;
using SupportBot.Core.Tests.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Tests.Transcripts;

/// <summary>The rules every <see cref="ITranscriptStore"/> obeys.</summary>
public abstract class TranscriptStoreContractTests
{
    protected abstract ITranscriptStore CreateStore();

    [Fact]
    public async Task TranscriptStore_Appends_KeepOrderPerConversation()
    {
        var store = CreateStore();

        await store.LogActivitiesAsync("test", "c1", [Activity.CreateMessage("one"), Activity.CreateMessage("two")], CancellationToken.None);
        await store.LogActivitiesAsync("test", "c2", [Activity.CreateMessage("other")], CancellationToken.None);
        await store.LogActivitiesAsync("test", "c1", [Activity.CreateMessage("three")], CancellationToken.None);

        var transcript = await store.GetTranscriptAsync("test", "c1", CancellationToken.None);
        Assert.Equal(["one", "two", "three"], transcript.Select(a => a.Text));
    }

    [Fact]
    public async Task TranscriptStore_Skip_ReadsOnlyWhatCameAfter()
    {
        var store = CreateStore();
        await store.LogActivitiesAsync("test", "c1", [Activity.CreateMessage("one"), Activity.CreateMessage("two")], CancellationToken.None);
        await store.LogActivitiesAsync("test", "c1", [Activity.CreateMessage("three")], CancellationToken.None);

        Assert.Equal(["two", "three"], (await store.GetTranscriptAsync("test", "c1", 1, CancellationToken.None)).Select(a => a.Text));
        Assert.Empty(await store.GetTranscriptAsync("test", "c1", 3, CancellationToken.None));
        Assert.Empty(await store.GetTranscriptAsync("test", "c1", 7, CancellationToken.None));
    }

    [Fact]
    public async Task TranscriptStore_UnknownConversation_IsEmpty()
    {
        var store = CreateStore();

        var transcript = await store.GetTranscriptAsync("test", "nobody", CancellationToken.None);

        Assert.Empty(transcript);
    }

    [Fact]
    public async Task TranscriptStore_SameConversationIdOnTwoChannels_KeptApart()
    {
        var store = CreateStore();

        await store.LogActivitiesAsync("msteams", "c1", [Activity.CreateMessage("teams")], CancellationToken.None);
        await store.LogActivitiesAsync("directline", "c1", [Activity.CreateMessage("web")], CancellationToken.None);

        Assert.Equal("teams", Assert.Single(await store.GetTranscriptAsync("msteams", "c1", CancellationToken.None)).Text);
    }
}

public sealed class MemoryTranscriptStoreTests : TranscriptStoreContractTests
{
    protected override ITranscriptStore CreateStore() => new MemoryTranscriptStore();
}

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override ITranscriptStore CreateStore() => new SqliteTranscriptStore(_databases.Open($"t{Guid.NewGuid():N}.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

public sealed class PostgresTranscriptStoreTests : TranscriptStoreContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override ITranscriptStore CreateStore() => new PostgresTranscriptStore(_postgres.Open());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}

using SupportBot.Core.State;
using SupportBot.Core.Tests.State;

namespace SupportBot.Core.Tests.Handoff;

public sealed class SqliteHandoffDeskTests : HandoffDeskContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override IStorage CreateStorage() => new SqliteStorage(_databases.Open($"desk{Guid.NewGuid():N}.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

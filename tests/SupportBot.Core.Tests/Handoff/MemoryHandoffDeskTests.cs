using SupportBot.Core.State;

namespace SupportBot.Core.Tests.Handoff;

public sealed class MemoryHandoffDeskTests : HandoffDeskContractTests
{
    protected override IStorage CreateStorage() => new MemoryStorage();
}

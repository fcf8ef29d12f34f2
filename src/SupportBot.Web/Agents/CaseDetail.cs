using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;

namespace SupportBot.Web.Agents;

/// <summary>A case as the console opens it: the desk's record, the brief, whether it is the agent's own, and the conversation.</summary>
public sealed record CaseDetail(DeskCase Case, CaseSummary Summary, bool Mine, IReadOnlyList<TranscriptLine> Transcript)
{
    /// <summary>The messages the desk queued for the customer, oldest first, with where each stands.</summary>
    public IReadOnlyList<DeliveryView> Deliveries { get; init; } = [];
}

using SupportBot.Core.Handoff;

namespace SupportBot.Web.Agents;

/// <summary>A case as the console's queue lists it.</summary>
public sealed record CaseRow(string CaseId, string CustomerName, string Channel, string Category, string Problem, CaseStatus Status, string? Agent, bool Mine, int WaitingSeconds, string? RemedyWanted, string? ApprovalReason, string? CallbackContact)
{
    /// <summary>Where what the desk owes the customer stands when it is not through: pending (being tried again) or failed; null when all reached them.</summary>
    public DeskDeliveryStatus? Delivery { get; init; }
}

using SupportBot.Core.Cases;

namespace SupportBot.Core.Handoff;

/// <summary>
/// A dialog's ask that the case go to a person: why, and why the remedy needs approval when it does.
/// <see cref="Review"/> is false when there is nothing for the customer to review but the line they just wrote.
/// <see cref="ColleagueArranges"/> is true for a remedy only a colleague can give (a specialist, a cancellation): the
/// customer is told it is being arranged, not that it waits for approval.
/// </summary>
public sealed record HandoffRequest(HandoffReason Reason, string? ApprovalReason = null, bool Review = true, bool ColleagueArranges = false);

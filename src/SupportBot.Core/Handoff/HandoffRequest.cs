using SupportBot.Core.Cases;

namespace SupportBot.Core.Handoff;

/// <summary>
/// A dialog's ask that the case go to a person: why, and why the remedy needs approval when it does.
/// <see cref="Review"/> is false when there is nothing for the customer to review but the line they just wrote.
/// </summary>
public sealed record HandoffRequest(HandoffReason Reason, string? ApprovalReason = null, bool Review = true);

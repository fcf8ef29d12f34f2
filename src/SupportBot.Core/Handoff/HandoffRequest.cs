using SupportBot.Core.Cases;

namespace SupportBot.Core.Handoff;

/// <summary>A dialog's ask that the case go to a person: why, and why the remedy needs approval when it does.</summary>
public sealed record HandoffRequest(HandoffReason Reason, string? ApprovalReason = null);

namespace SupportBot.Web.Admin;

/// <summary>A change to a remedy: its approval rules and, when given, its wording; based on <c>remedies.yaml</c> as opened.</summary>
public sealed record RemedyEdit(string? Id, ApprovalView? Approval, string? Title, string? Asked, string? Done, string? NextSteps, string? About, string? Base, bool Draft);

using SupportBot.Core.Activities;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Handoff;

/// <summary>A check-in due after a case was resolved: whom to ask, about what, and when.</summary>
public sealed record FollowUp(string CaseId, ConversationReference Reference, SupportCase? Case, string Issue, string Remedy, DateTimeOffset Due);

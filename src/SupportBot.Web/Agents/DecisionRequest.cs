using SupportBot.Core.Handoff;

namespace SupportBot.Web.Agents;

/// <summary>An agent's decision on the remedy: approved, modified (with the remedy granted instead) or denied (with the reason).</summary>
public sealed record DecisionRequest(AgentDecision? Decision, string? Remedy, string? Note);

namespace SupportBot.Core.Cases;

/// <summary>A case waiting for a colleague: enough to remind the customer of it and to find it again.</summary>
public sealed record OpenCase(string CaseId, string Problem, string Category, DateTimeOffset OpenedAt);

namespace SupportBot.Web.Admin;

/// <summary>A past case of a remedy: granted (an action of the outbox) or waiting for a colleague (the desk), and what the rules say of it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Customer">The customer's name, when known.</param>
/// <param name="Amount">The amount it weighed, with its currency.</param>
/// <param name="At">When it was granted or handed over.</param>
/// <param name="Source">granted or handed over.</param>
/// <param name="Reason">Why the rules would send it to a person; null when they grant it.</param>
public sealed record PastCase(string CaseId, string? Customer, string? Amount, DateTimeOffset At, string Source, string? Reason);

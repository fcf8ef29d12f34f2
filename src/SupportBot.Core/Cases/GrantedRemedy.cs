namespace SupportBot.Core.Cases;

/// <summary>
/// A remedy the case was granted: by the bot under its approval rules, or by a colleague who approved it (or granted
/// another instead). The amount and currency are what it pays, when it pays money and that is known.
/// </summary>
public sealed record GrantedRemedy(string? RemedyId, string Title, decimal? Amount, string? Currency, bool ByColleague, DateTimeOffset At);

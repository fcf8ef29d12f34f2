namespace SupportBot.Core.Support;

/// <summary>
/// How the complaint part begins: with the problem already told (a customer who answered "what's your name?" with
/// it), or after greeting back a customer whose reply only said hello.
/// </summary>
public sealed record ComplaintStart(string? Complaint = null, bool GreetedBack = false);

namespace SupportBot.Core.Activities;

/// <summary>A client mistake in an inbound activity: which field, and what is wrong with it.</summary>
public sealed record ActivityFault(string Field, string Message);

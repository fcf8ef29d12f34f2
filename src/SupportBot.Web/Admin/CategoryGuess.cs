namespace SupportBot.Web.Admin;

/// <summary>A category the reader considers, with how likely it finds it.</summary>
public sealed record CategoryGuess(string Id, string Title, double Probability);

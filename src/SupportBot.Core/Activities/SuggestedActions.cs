namespace SupportBot.Core.Activities;

/// <summary>Quick replies shown under a message; an empty <see cref="To"/> means everyone.</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }

    public required IReadOnlyList<CardAction> Actions { get; init; }
}

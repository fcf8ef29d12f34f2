namespace SupportBot.Core.Fulfilment;

/// <summary>The value of a <see cref="FulfilmentEvents.Outcome"/> event: the actions it tells about.</summary>
public sealed record FulfilmentOutcomes(IReadOnlyList<FulfilmentOutcome> Outcomes);

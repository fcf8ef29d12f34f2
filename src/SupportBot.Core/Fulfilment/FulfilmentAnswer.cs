namespace SupportBot.Core.Fulfilment;

/// <summary>
/// A webhook's answer to one attempt at an action, not yet recorded (<see cref="FulfilmentDelivery.SendFirstAsync"/>):
/// the turn that tells the customer records it in its own commit, or it is recorded on its own
/// (<see cref="FulfilmentDelivery.RecordAsync"/>).
/// </summary>
/// <param name="Action">The action as sent, its attempt counted.</param>
/// <param name="AttemptsBefore">The attempts stored before this one: the answer is recorded only if the stored action still has as many (nobody else took it meanwhile).</param>
/// <param name="Attempt">What was sent and what came back.</param>
/// <param name="Result">What a 2xx answer gave to quote.</param>
/// <param name="RetryAfter">How long the answer asked to wait before another attempt.</param>
public sealed record FulfilmentAnswer(FulfilmentAction Action, int AttemptsBefore, FulfilmentAttempt Attempt, FulfilmentResult? Result, TimeSpan? RetryAfter);

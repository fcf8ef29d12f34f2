namespace SupportBot.Core.Fulfilment;

/// <summary>
/// One try at the webhook and its answer, as the console shows it: the status code (none when it timed out or could
/// not connect), what that meant, and the start of the body.
/// </summary>
public sealed record FulfilmentAttempt(DateTimeOffset At, int? StatusCode, string Outcome, string? Body)
{
    /// <summary>The wait the answer asked for (<c>Retry-After</c>), when it did.</summary>
    public double? RetryAfterSeconds { get; init; }
}

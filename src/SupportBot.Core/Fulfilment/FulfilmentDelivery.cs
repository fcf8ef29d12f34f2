using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupportBot.Core.State;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// Sends an action to its business system's webhook, one attempt at a time, and records the answer. An attempt first
/// claims the action in the outbox (so no other attempt runs meanwhile, here or on another instance), then POSTs its
/// body signed with the webhook's secret. A 2xx answer is done (202 Accepted: taken, to be called back); a timeout, a
/// network error, 408, 429 and 5xx are tried again with exponential back-off, never sooner than <c>Retry-After</c>;
/// after the last attempt, or on any other answer, a colleague takes the action over. A process that stops
/// mid-attempt leaves the claim to expire, and the action is sent again, with the same idempotency key.
/// </summary>
public sealed partial class FulfilmentDelivery(FulfilmentOutbox outbox, HttpClient http, FulfilmentOptions options, TimeProvider time, ILogger<FulfilmentDelivery> logger)
{
    /// <summary><see cref="FulfilmentAction.CompletedBy"/> when the webhook's answer confirmed it.</summary>
    public const string ByWebhook = "webhook";

    /// <summary><see cref="FulfilmentAction.CompletedBy"/> when the webhook's callback confirmed it.</summary>
    public const string ByCallback = "callback";

    private const int HistoryKept = 20;
    private const int BodyKept = 500;
    private const int AnswerRead = 64 * 1024;
    private static readonly TimeSpan ClaimSlack = TimeSpan.FromSeconds(5);

    /// <summary>How long the customer's turn waits for an answer.</summary>
    public TimeSpan TurnBudget => TimeSpan.FromSeconds(options.TurnBudgetSeconds);

    /// <summary>
    /// Sends the action once if it is for sending now: <paramref name="reserved"/> for the first attempt of the turn
    /// that queued it (whose reservation it holds), otherwise when it is due. Returns the action as it then stands
    /// (null when there is none). <paramref name="tellAfter"/> says, when the answer comes, how soon the customer
    /// must hear of it if nobody has told them by then (zero: at once).
    /// </summary>
    public async Task<FulfilmentAction?> AttemptAsync(string deliveryId, bool reserved, Func<TimeSpan> tellAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tellAfter);
        var now = time.GetUtcNow();
        var (claimed, changed) = await outbox.ChangeAsync(deliveryId, (action, due) =>
        {
            if (action.Status != FulfilmentStatus.Delivering || (reserved ? action.Attempts > 0 : due > now))
            {
                return null;
            }

            return options.Webhook(action.Webhook) is { } webhook
                ? (action with { Attempts = action.Attempts + 1 }, now + TimeSpan.FromSeconds(webhook.TimeoutSeconds) + ClaimSlack)
                : (action with { Status = FulfilmentStatus.WithColleague, Webhook = null, ColleagueReason = $"the webhook '{action.Webhook}' is no longer configured" }, now + tellAfter());
        }, cancellationToken).ConfigureAwait(false);
        if (!changed || claimed is not { Status: FulfilmentStatus.Delivering } action || options.Webhook(action.Webhook) is not { } settings)
        {
            return claimed;
        }

        return await RecordAsync(await SendOnceAsync(action, settings, attemptsBefore: action.Attempts, cancellationToken).ConfigureAwait(false), tellAfter).ConfigureAwait(false);
    }

    /// <summary>
    /// The first attempt, by the turn that queued <paramref name="queued"/> and so holds its reservation
    /// (<see cref="FulfilmentOptions.Reserve"/>): nothing else sends it before the reservation runs out, so it is sent
    /// at once, without a claim written first, and its answer is given back unrecorded, for the turn that tells the
    /// customer to record in its own commit (or <see cref="RecordAsync"/>). Should the process stop before it is
    /// recorded, the background sends it again, with the same idempotency key, when the reservation runs out. Null
    /// when it is not the first attempt's to send (<see cref="AttemptAsync"/> then decides).
    /// </summary>
    public async Task<FulfilmentAnswer?> SendFirstAsync(FulfilmentAction queued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        if (queued.Status != FulfilmentStatus.Delivering || queued.Attempts > 0 || options.Webhook(queued.Webhook) is not { } settings)
        {
            return null;
        }

        return await SendOnceAsync(queued with { Attempts = 1 }, settings, attemptsBefore: 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records <paramref name="answer"/> on its own; returns the action as it then stands (null when there is none).</summary>
    public async Task<FulfilmentAction?> RecordAsync(FulfilmentAnswer answer, Func<TimeSpan> tellAfter)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(tellAfter);
        var (recorded, _) = await outbox.ChangeAsync(answer.Action.DeliveryId, (current, _) => Recorded(current, answer, tellAfter), CancellationToken.None).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>
    /// <paramref name="current"/> with <paramref name="answer"/> recorded, and when it is next due; null when the
    /// stored action is no longer delivering from the same attempts (somebody else took it meanwhile).
    /// </summary>
    public (FulfilmentAction Action, DateTimeOffset? Due)? Recorded(FulfilmentAction current, FulfilmentAnswer answer, Func<TimeSpan> tellAfter)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(tellAfter);
        return current.Status == FulfilmentStatus.Delivering && current.Attempts == answer.AttemptsBefore
            ? Record(current with { Attempts = answer.Action.Attempts }, answer.Attempt, answer.Result, answer.RetryAfter, tellAfter)
            : null;
    }

    /// <summary>Sends <paramref name="action"/> (its attempt counted in it) once and gives back the answer.</summary>
    private async Task<FulfilmentAnswer> SendOnceAsync(FulfilmentAction action, WebhookOptions settings, int attemptsBefore, CancellationToken cancellationToken)
    {
        var (attempt, result, retryAfter) = await SendAsync(action, settings, cancellationToken).ConfigureAwait(false);
        LogAttempt(logger, action.DeliveryId, action.Webhook!, action.Attempts, attempt.StatusCode, attempt.Outcome);
        return new FulfilmentAnswer(action, attemptsBefore, attempt, result, retryAfter);
    }

    /// <summary>POSTs the body once and reads what the answer means.</summary>
    private async Task<(FulfilmentAttempt Attempt, FulfilmentResult? Result, TimeSpan? RetryAfter)> SendAsync(FulfilmentAction action, WebhookOptions webhook, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(action.Body ?? "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(body, webhook.Secret));
        request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, action.DeliveryId);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", action.IdempotencyKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
        var at = time.GetUtcNow();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var text = await ReadAsync(response, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            var retryAfter = RetryAfter(response, at);
            var outcome = code switch
            {
                202 => "accepted",
                >= 200 and < 300 => "done",
                408 or 429 or >= 500 => "failed, to retry",
                _ => "refused",
            };
            var attempt = new FulfilmentAttempt(at, code, outcome, Excerpt(text)) { RetryAfterSeconds = retryAfter?.TotalSeconds };
            return (attempt, code is >= 200 and < 300 ? ResultOf(text) : null, retryAfter);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new FulfilmentAttempt(at, null, $"timed out after {webhook.TimeoutSeconds:0.#} s, to retry", null), null, null);
        }
        catch (HttpRequestException ex)
        {
            return (new FulfilmentAttempt(at, null, $"could not connect ({ex.HttpRequestError}), to retry", null), null, null);
        }
    }

    /// <summary>The action after <paramref name="attempt"/>, and when it is next due.</summary>
    private (FulfilmentAction, DateTimeOffset?) Record(FulfilmentAction action, FulfilmentAttempt attempt, FulfilmentResult? result, TimeSpan? retryAfter, Func<TimeSpan> tellAfter)
    {
        var now = time.GetUtcNow();
        var recorded = action with { History = [.. action.History.TakeLast(HistoryKept - 1), attempt] };
        switch (attempt.Outcome)
        {
            case "done":
                return (recorded with { Status = FulfilmentStatus.Done, Result = result?.Over(action.Result) ?? action.Result, CompletedBy = ByWebhook, CompletedAt = now }, now + tellAfter());
            case "accepted":
                return (recorded with { Status = FulfilmentStatus.Accepted, Result = result }, now + TimeSpan.FromHours(options.CallbackHours));
            case "refused":
                return (ToColleague(recorded, $"the webhook '{action.Webhook}' refused it ({attempt.StatusCode})"), now + tellAfter());
            default:
                if (action.Attempts >= options.Attempts)
                {
                    return (ToColleague(recorded, $"the webhook '{action.Webhook}' did not take it in {action.Attempts} attempts (last: {attempt.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? attempt.Outcome})"), now + tellAfter());
                }

                return (recorded, now + Backoff(action.Attempts, retryAfter));
        }
    }

    private static FulfilmentAction ToColleague(FulfilmentAction action, string reason) =>
        action with { Status = FulfilmentStatus.WithColleague, DeliveryFailed = true, ColleagueReason = reason };

    /// <summary>Twice as long after each attempt, ±20%, never sooner than the answer asked, at most <c>MaxRetrySeconds</c>.</summary>
    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter) => Outbox.Backoff(attempts, options.FirstRetrySeconds, options.MaxRetrySeconds, retryAfter);

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Rented: a fresh buffer of this size on every call was the largest allocation of a granted remedy's turn.
        var buffer = ArrayPool<byte>.Shared.Rent(AnswerRead);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var read = 0;
            int n;
            while (read < AnswerRead && (n = await stream.ReadAsync(buffer.AsMemory(read, AnswerRead - read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Excerpt(string text) => text.Length == 0 ? null : text.Length <= BodyKept ? text : text[..BodyKept] + "…";

    /// <summary>
    /// What a 2xx answer's JSON body (or a callback) gives to quote: <c>reference</c>, <c>trackingUrl</c> (http(s)
    /// only) and <c>message</c>, on one line each and kept short. Anything else is ignored.
    /// </summary>
    public static FulfilmentResult? ResultOf(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var result = new FulfilmentResult
            {
                Reference = Field(document.RootElement, "reference", 100),
                TrackingUrl = Field(document.RootElement, "trackingUrl", 500) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null,
                Message = Field(document.RootElement, "message", 300),
            };
            return result.IsEmpty ? null : result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(JsonElement root, string name, int max)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String
                && string.Join(' ', property.Value.GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } value)
            {
                return value.Length <= max ? value : value[..max];
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {DeliveryId} sent to webhook {Webhook} (attempt {Attempt}): {StatusCode} {Outcome}")]
    private static partial void LogAttempt(ILogger logger, string deliveryId, string webhook, int attempt, int? statusCode, string outcome);
}

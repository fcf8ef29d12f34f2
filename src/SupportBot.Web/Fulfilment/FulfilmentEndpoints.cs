using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Core.Fulfilment;
using SupportBot.Web.Agents;

namespace SupportBot.Web.Fulfilment;

/// <summary>
/// The actions' HTTP side. <c>POST /api/fulfilment/{deliveryId}</c> is the business system's callback, signed as its
/// webhook requests are (<c>X-SupportBot-Signature</c> with the webhook's secret): <c>{"status":"done"}</c> completes
/// the action (with a <c>reference</c>, <c>trackingUrl</c> or <c>message</c> to quote), <c>{"status":"failed"}</c>
/// hands it to a colleague; the customer is told in their conversation. A callback whose signature does not match
/// changes nothing. Under <c>/agent/api</c>, the console lists the actions and colleague tasks, and a colleague retries
/// one or marks it done by hand.
/// </summary>
public static class FulfilmentEndpoints
{
    private const int MaxCallbackBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapFulfilment(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/fulfilment/{deliveryId}", CallbackAsync).RequireRateLimiting(Hosting.Hardening.PerAddress);
        var api = AgentEndpoints.MapAgentApi(app);
        api.MapGet("/actions", OpenAsync);
        api.MapGet("/actions/{deliveryId}", GetAsync);
        api.MapGet("/cases/{caseId}/actions", ForCaseAsync);
        api.MapPost("/actions/{deliveryId}/retry", RetryAsync);
        api.MapPost("/actions/{deliveryId}/done", DoneAsync);
        return app;
    }

    private static async Task<IResult> CallbackAsync(string deliveryId, HttpRequest request, FulfilmentOutbox outbox, IOptions<FulfilmentOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"A callback body is at most {MaxCallbackBytes} bytes.", "body");
        }

        // Only the webhook the action went to may speak for it: its secret signs the callback.
        if (await outbox.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is not { } action || options.Value.Webhook(action.Webhook ?? string.Empty) is not { } webhook)
        {
            return Problem(StatusCodes.Status404NotFound, "No action that a webhook carries out has this delivery id.", "deliveryId");
        }

        if (!WebhookSignature.Verify(body, webhook.Secret, request.Headers[WebhookSignature.Header].ToString()))
        {
            return Problem(StatusCodes.Status401Unauthorized, $"The {WebhookSignature.Header} header must be sha256= and the hex HMAC-SHA256 of the raw body with the webhook's secret.", WebhookSignature.Header);
        }

        if (Status(body) is not { } status)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object with \"status\": \"done\" or \"failed\".", "status");
        }

        var result = FulfilmentDelivery.ResultOf(System.Text.Encoding.UTF8.GetString(body));
        var now = time.GetUtcNow();
        var (current, _) = await outbox.ChangeAsync(deliveryId, (a, _) => (a.Status, status) switch
        {
            (FulfilmentStatus.Done, _) => null,
            (_, "done") => (a with { Status = FulfilmentStatus.Done, Result = result?.Over(a.Result) ?? a.Result, CompletedBy = FulfilmentDelivery.ByCallback, CompletedAt = now }, now),
            (FulfilmentStatus.WithColleague, _) => null,
            _ => (a with { Status = FulfilmentStatus.WithColleague, DeliveryFailed = true, ColleagueReason = $"the webhook '{a.Webhook}' reported it failed{(result?.Message is { } why ? ": " + why : string.Empty)}" }, now),
        }, cancellationToken).ConfigureAwait(false);
        return current is { Status: FulfilmentStatus.Done } && status == "failed"
            ? Problem(StatusCodes.Status409Conflict, "The action is already done; a failure can no longer be reported for it.", "status")
            : Results.Json(current!, FulfilmentJson.Default.FulfilmentAction);
    }

    private static async Task<IResult> OpenAsync(FulfilmentOutbox outbox, CancellationToken cancellationToken) =>
        Results.Json([.. await outbox.OpenAsync(cancellationToken).ConfigureAwait(false)], FulfilmentJson.Default.ListFulfilmentAction);

    private static async Task<IResult> GetAsync(string deliveryId, FulfilmentOutbox outbox, CancellationToken cancellationToken) =>
        await outbox.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is { } action
            ? Results.Json(action, FulfilmentJson.Default.FulfilmentAction)
            : Results.NotFound();

    private static async Task<IResult> ForCaseAsync(string caseId, FulfilmentOutbox outbox, CancellationToken cancellationToken) =>
        Results.Json([.. await outbox.ForCaseAsync(caseId, cancellationToken).ConfigureAwait(false)], FulfilmentJson.Default.ListFulfilmentAction);

    /// <summary>Sends an action that failed, or waits, to its webhook again (with the same idempotency key).</summary>
    private static async Task<IResult> RetryAsync(string deliveryId, FulfilmentOutbox outbox, IOptions<FulfilmentOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (action, changed) = await outbox.ChangeAsync(deliveryId, (a, _) => a.Status != FulfilmentStatus.Done && options.Value.Webhook(a.Webhook) is not null
            ? (a with { Status = FulfilmentStatus.Delivering, Attempts = 0, DeliveryFailed = false, ColleagueReason = null }, now)
            : null, cancellationToken).ConfigureAwait(false);
        return action switch
        {
            null => Results.NotFound(),
            { Status: FulfilmentStatus.Done } when !changed => Problem(StatusCodes.Status409Conflict, "It is already done.", "status"),
            _ when !changed => Problem(StatusCodes.Status409Conflict, "No webhook carries this one out: a colleague does it, then marks it done.", "webhook"),
            _ => Results.Json(action, FulfilmentJson.Default.FulfilmentAction),
        };
    }

    /// <summary>A colleague did it by hand: it is done, and the customer hears so, with their name, reference and note.</summary>
    private static async Task<IResult> DoneAsync(string deliveryId, ActionDoneRequest body, ClaimsPrincipal user, AgentDirectory agents, FulfilmentOutbox outbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (AgentEndpoints.AgentName(user, agents) is not { } name)
        {
            return Problem(StatusCodes.Status409Conflict, "Customers are told who did it: add your name at the top of the console first.", "name");
        }

        if (body.Reference?.Length > 100 || body.Message?.Length > 300)
        {
            return Problem(StatusCodes.Status400BadRequest, "Keep the reference to 100 characters and the note to 300.", "message");
        }

        var now = time.GetUtcNow();
        var result = new FulfilmentResult { Reference = Trimmed(body.Reference), Message = Trimmed(body.Message) };
        var (action, changed) = await outbox.ChangeAsync(deliveryId, (a, _) => a.Status == FulfilmentStatus.Done
            ? null
            : (a with { Status = FulfilmentStatus.Done, Result = result.IsEmpty ? a.Result : result.Over(a.Result), CompletedBy = name, CompletedAt = now }, now), cancellationToken).ConfigureAwait(false);
        return action switch
        {
            null => Results.NotFound(),
            _ when !changed => Problem(StatusCodes.Status409Conflict, "It is already done.", "status"),
            _ => Results.Json(action, FulfilmentJson.Default.FulfilmentAction),
        };
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Status(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                && status.GetString()?.Trim().ToLowerInvariant() is ("done" or "failed") and var value
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxCallbackBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Problem(int status, string detail, string field) =>
        Results.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["field"] = field });
}

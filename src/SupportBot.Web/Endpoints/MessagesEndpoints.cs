using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;
using SupportBot.Web.Agents;
using SupportBot.Web.Channels;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Endpoints;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework Activity protocol endpoint that Azure Bot Service, Teams, Direct Line
/// and the Emulator call. A 2xx is only sent once the turn's state is durable. Client mistakes are 400 problem
/// details naming the field; replies go back in the body for <c>expectReplies</c>, otherwise to the Bot Connector.
/// </summary>
public static partial class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<Results<Ok<ExpectedReplies>, Ok, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        TurnRunner turns,
        IOptions<MessagesOptions> messageOptions,
        IOptions<HandoffOptions> handoffOptions,
        TeamsAgentCards teamsCards,
        IOptions<ChannelAuthOptions> authOptions,
        ChannelAuthenticator authenticator,
        TrustedServiceUrls trusted,
        ConversationRateLimiter rates,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoints));
        var authenticates = authOptions.Value.Authenticates;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authenticates && !IsLoopback(http.Connection.RemoteIpAddress))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "No bot app id is configured, so only callers on this machine (loopback) are accepted.");
        }

        if (authenticates && !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Send the Bot Connector's token: 'Authorization: Bearer <token>'.");
        }

        // The token is checked before the body is read: a caller without a valid one costs no read.
        ChannelToken? token = null;
        if (authenticates)
        {
            (token, var tokenRefused) = await authenticator.ValidateTokenAsync(authorization, cancellationToken).ConfigureAwait(false);
            if (tokenRefused is not null)
            {
                return Refused(logger, tokenRefused);
            }
        }

        var limits = messageOptions.Value;
        var (activity, fault) = await ActivityBody.ReadAsync(http.Request, limits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (fault is not null)
        {
            return Problem(fault.Status, fault.Title, fault.Message, fault.Field);
        }

        if (authenticates)
        {
            if (ChannelAuthenticator.Check(token!, activity!) is { } refused)
            {
                return Refused(logger, refused);
            }

            // Only now is the serviceUrl known to come from the channel: replies and proactive messages may carry the bot's token there.
            trusted.Add(activity!.ServiceUrl);
        }

        if (ActivityValidator.Validate(activity, limits.MaxTextLength) is { } invalid)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid activity", invalid.Message, invalid.Field);
        }

        // The caller is a checked channel by now (a valid token when an app id is configured, else this machine), so
        // a channel listed as a contact center may report handoff.status; nobody may speak for the desk.
        var fromContactCenter = handoffOptions.Value.ContactCenterChannels.Contains(activity!.ChannelId!, StringComparer.OrdinalIgnoreCase);
        if (ForgedEvents.Refusal(activity, fromContactCenter) is { } forged)
        {
            LogForged(logger, activity.ChannelId!, forged.Field);
            return Problem(forged.Status, forged.Title, forged.Message, forged.Field);
        }

        if (rates.TryAcquire(activity.ChannelId!, activity.Conversation!.Id!) is { } retryAfter)
        {
            ConversationRateLimiter.SetRetryAfter(http, retryAfter);
            return Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"This conversation is sending too fast; try again in {retryAfter} s.");
        }

        // The caller id is the bot's to set (Bot Framework's rule): the Azure channels' when their token was checked.
        activity = TeamsActivities.RemoveBotMention(activity) with { CallerId = authenticates ? ChannelAuthenticator.AzureCallerId : null };

        try
        {
            // An agent's Accept on a case card in the agents' Teams channel is the desk's business, not a customer's turn.
            var replies = teamsCards.IsAccept(activity)
                ? await turns.DeliverAsync(activity, await teamsCards.AcceptAsync(activity, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
                : await turns.RunAsync(activity, cancellationToken).ConfigureAwait(false);
            return activity.DeliveryMode == DeliveryModes.ExpectReplies ? TypedResults.Ok(new ExpectedReplies(replies)) : TypedResults.Ok();
        }
        catch (Exception ex) when (activity.DeliveryMode != DeliveryModes.ExpectReplies && IsConnectorFailure(ex, cancellationToken))
        {
            LogConnectorFailure(logger, activity.Conversation!.Id!, ex.Message);
            return Problem(StatusCodes.Status502BadGateway, "Channel unreachable", "The turn was saved, but its replies could not be delivered to the channel's Bot Connector; send the activity again to retry the delivery.");
        }
    }

    private static bool IsConnectorFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is ConnectorException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static ProblemHttpResult Refused(ILogger logger, AuthFailure refused)
    {
        LogRefused(logger, refused.Reason);
        return Problem(refused.Status, refused.Status == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized", $"The channel token was refused: {refused.Reason}.");
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string? field = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && (IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4())));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A request to /api/messages was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An activity on channel {ChannelId} was refused: its {Field} is the desk's or a contact center's to use")]
    private static partial void LogForged(ILogger logger, string channelId, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replies for conversation {ConversationId} could not be delivered: {Reason}")]
    private static partial void LogConnectorFailure(ILogger logger, string conversationId, string reason);
}

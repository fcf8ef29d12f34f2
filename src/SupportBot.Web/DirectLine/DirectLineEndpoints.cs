using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;
using SupportBot.Web.Endpoints;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// A Direct Line 3.0 compatible endpoint at <c>/v3/directline</c>: what botframework-directlinejs and Web Chat call
/// (tokens, start, reconnect, post, get with a watermark, the WebSocket stream), plus <c>POST /directline/token</c>,
/// where the page at <c>/</c> and the embed snippet get a token without ever seeing the secret. Errors use Direct
/// Line's body, <c>{"error":{"code","message"}}</c>, and its status codes.
/// </summary>
public static partial class DirectLineEndpoints
{
    /// <summary>The CORS policy of every endpoint a page on another site calls.</summary>
    public const string CorsPolicy = "widget";

    private const int MaxNameLength = 100;
    private const int MaxTrustedOrigins = 16;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).RequireRateLimiting(Hosting.Hardening.PerAddress);
        api.MapPost("/tokens/generate", GenerateAsync);
        api.MapPost("/tokens/refresh", Refresh);
        api.MapPost("/conversations", StartAsync);
        api.MapGet("/conversations/{conversationId}", ReconnectAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        api.MapPost("/conversations/{conversationId}/upload", Upload);
        api.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        api.MapGet("/session/getsessionid", SessionId);
        app.MapPost("/directline/token", PageTokenAsync).RequireCors(CorsPolicy).RequireRateLimiting(Hosting.Hardening.PerAddress);
        return app;
    }

    /// <summary><c>POST /directline/token</c>: a token for a new conversation with a new anonymous user.</summary>
    private static async Task<IResult> PageTokenAsync(HttpContext http, DirectLineTokens tokens, AnonymousChats chats, IOptions<DirectLineOptions> options)
    {
        if (!options.Value.AnonymousTokens)
        {
            return Error(StatusCodes.Status403Forbidden, "NotAllowed", "Anonymous chat is turned off (DirectLine:AnonymousTokens); the site's server mints tokens with the Direct Line secret.");
        }

        var (parameters, fault) = await ReadParametersAsync(http).ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        var name = parameters?.Name ?? parameters?.User?.Name;
        if (name is { Length: > MaxNameLength })
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"The name is longer than {MaxNameLength} characters.");
        }

        if (TrustedOriginsOf(parameters, out var origins) is { } badOrigins)
        {
            return badOrigins;
        }

        if (chats.TryStart(http.Connection.RemoteIpAddress) is { } tooMany)
        {
            ConversationRateLimiter.SetRetryAfter(http, tooMany.Seconds);
            return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", tooMany.Message);
        }

        var (token, grant) = tokens.Issue(DirectLineTokens.NewConversationId(), DirectLineTokens.NewUserId(), string.IsNullOrWhiteSpace(name) ? null : name.Trim(), origins);
        return Conversation(tokens, grant, token, streamUrl: null, StatusCodes.Status200OK);
    }

    /// <summary><c>POST tokens/generate</c> (secret only): a token for a new conversation, for the user the site names.</summary>
    private static async Task<IResult> GenerateAsync(HttpContext http, DirectLineTokens tokens)
    {
        if (Authenticate(http, tokens, null, out var caller) is { } denied)
        {
            return denied;
        }

        if (!caller!.HasSecret)
        {
            return Error(StatusCodes.Status403Forbidden, "NotAllowed", "tokens/generate needs the Direct Line secret, not a token.");
        }

        var (parameters, fault) = await ReadParametersAsync(http).ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        var user = parameters?.User;
        if (user?.Id is { Length: > 256 } || user?.Name is { Length: > MaxNameLength })
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"user.id may have at most 256 characters and user.name at most {MaxNameLength}.");
        }

        if (TrustedOriginsOf(parameters, out var origins) is { } badOrigins)
        {
            return badOrigins;
        }

        var (token, grant) = tokens.Issue(DirectLineTokens.NewConversationId(), string.IsNullOrWhiteSpace(user?.Id) ? DirectLineTokens.NewUserId() : user.Id, user?.Name, origins);
        return Conversation(tokens, grant, token, streamUrl: null, StatusCodes.Status200OK);
    }

    /// <summary><c>POST tokens/refresh</c> (token only): a new token for the same conversation and user.</summary>
    private static IResult Refresh(HttpContext http, DirectLineTokens tokens)
    {
        if (Authenticate(http, tokens, null, out var caller) is { } denied)
        {
            return denied;
        }

        if (caller!.Grant is not { } grant)
        {
            return Error(StatusCodes.Status403Forbidden, "NotAllowed", "Only a token can be refreshed; a secret does not expire.");
        }

        var (token, refreshed) = tokens.Refresh(grant);
        return Conversation(tokens, refreshed, token, streamUrl: null, StatusCodes.Status200OK);
    }

    /// <summary><c>POST conversations</c>: starts the token's conversation (201; 200 if it had started), or a new one for the secret.</summary>
    private static async Task<IResult> StartAsync(HttpContext http, DirectLineTokens tokens, StreamTickets tickets, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (Authenticate(http, tokens, null, out var caller) is { } denied)
        {
            return denied;
        }

        var (parameters, fault) = await ReadParametersAsync(http).ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        string token;
        DirectLineGrant grant;
        if (caller!.Grant is { } given)
        {
            (token, grant) = (BearerOf(http)!, given);
        }
        else if (TrustedOriginsOf(parameters, out var origins) is { } badOrigins)
        {
            return badOrigins;
        }
        else
        {
            var user = parameters?.User;
            (token, grant) = tokens.Issue(DirectLineTokens.NewConversationId(), string.IsNullOrWhiteSpace(user?.Id) ? null : user.Id, user?.Name, origins);
        }

        var (created, watermark) = await channel.StartAsync(grant.ConversationId, UserOf(grant), ServiceUrl(http, options.Value), cancellationToken).ConfigureAwait(false);
        var streamUrl = await tickets.StreamUrlAsync(PublicBase(http, options.Value), grant, watermark, cancellationToken).ConfigureAwait(false);
        return Conversation(tokens, grant, token, streamUrl, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary><c>GET conversations/{id}?watermark=</c>: a fresh stream URL, replaying from the watermark when one is given.</summary>
    private static async Task<IResult> ReconnectAsync(HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, StreamTickets tickets, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (Admit(http, tokens, conversationId, null, out var caller) is { } denied)
        {
            return denied;
        }

        if (!await channel.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return Error(StatusCodes.Status404NotFound, "NotFound", "There is no conversation with this id; start one with POST /v3/directline/conversations.");
        }

        int from;
        if (string.IsNullOrEmpty(watermark))
        {
            from = await channel.WatermarkAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        else if (!TryParseWatermark(watermark, out from))
        {
            return BadWatermark(watermark);
        }

        var (token, grant) = caller!.Grant is { } given ? (BearerOf(http)!, given) : tokens.Issue(conversationId, null, null);
        return Conversation(tokens, grant, token, await tickets.StreamUrlAsync(PublicBase(http, options.Value), grant, from, cancellationToken).ConfigureAwait(false), StatusCodes.Status200OK);
    }

    /// <summary><c>GET conversations/{id}/activities?watermark=</c>: what came after the watermark (empty or missing: everything).</summary>
    private static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        if (Admit(http, tokens, conversationId, null, out var caller) is { } denied)
        {
            return denied;
        }

        var from = 0;
        if (!string.IsNullOrEmpty(watermark) && !TryParseWatermark(watermark, out from))
        {
            return BadWatermark(watermark);
        }

        var (json, _, _) = await channel.ReadAsync(conversationId, from, stream: false, cancellationToken).ConfigureAwait(false);
        return Results.Bytes(json, "application/json; charset=utf-8");
    }

    /// <summary><c>POST conversations/{id}/activities</c>: runs the activity as a turn; answers with its id once the bot has answered.</summary>
    private static async Task<IResult> PostActivityAsync(
        HttpContext http,
        string conversationId,
        DirectLineTokens tokens,
        DirectLineChannel channel,
        IOptions<DirectLineOptions> options,
        IOptions<MessagesOptions> limits,
        ConversationRateLimiter rates,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (Admit(http, tokens, conversationId, null, out var caller) is { } denied)
        {
            return denied;
        }

        if (rates.TryAcquire(DirectLineChannel.ChannelId, conversationId) is { } retryAfter)
        {
            ConversationRateLimiter.SetRetryAfter(http, retryAfter);
            return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", $"This conversation is sending too fast; try again in {retryAfter} s.");
        }

        var (activity, bodyFault) = await ActivityBody.ReadAsync(http.Request, limits.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bodyFault is not null)
        {
            return Error(bodyFault.Status, bodyFault.Field == "body" ? "BadArgument" : "MissingProperty", bodyFault.Message);
        }

        // The customer's own client is posting: it may never speak for the desk or a contact center.
        if (ForgedEvents.Refusal(activity!, fromContactCenter: false) is { } forged)
        {
            return Error(forged.Status, "NotAllowed", forged.Message);
        }

        try
        {
            var (posted, fault) = await channel.PostAsync(conversationId, activity!, UserOf(caller!.Grant), ServiceUrl(http, options.Value), limits.Value.MaxTextLength, cancellationToken).ConfigureAwait(false);
            return fault is not null
                ? Error(StatusCodes.Status400BadRequest, "MissingProperty", fault.Message)
                : Results.Json(new ResourceResponse(posted!.Id!), DirectLineJson.Default.ResourceResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBotFailed(loggers.CreateLogger(typeof(DirectLineEndpoints)), ex, conversationId);
            return Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot could not process the activity; nothing was saved. Send it again.");
        }
    }

    /// <summary><c>POST conversations/{id}/upload</c>: not offered yet, and says so.</summary>
    private static IResult Upload() =>
        Error(StatusCodes.Status400BadRequest, "NotSupported", "This bot does not accept file uploads yet. Describe the problem in a message instead.");

    /// <summary>The WebSocket stream: each frame an ActivitySet; empty frames keep an idle connection alive.</summary>
    private static async Task StreamAsync(HttpContext http, string conversationId, string? t, string? watermark, StreamTickets tickets, DirectLineChannel channel, DirectLineHub hub, IOptions<DirectLineOptions> options)
    {
        IResult? refused = null;
        var from = 0;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            refused = Error(StatusCodes.Status400BadRequest, "BadArgument", "Open the stream URL as a WebSocket.");
        }
        else if (string.IsNullOrEmpty(t) || await tickets.RedeemAsync(t, http.RequestAborted).ConfigureAwait(false) is not { } grant)
        {
            refused = Error(StatusCodes.Status403Forbidden, "TokenExpired", "This stream URL was used already or has expired; get a new one with GET /v3/directline/conversations/{id}.");
        }
        else if (grant.ConversationId != conversationId)
        {
            refused = Error(StatusCodes.Status403Forbidden, "NotAllowed", "This stream URL belongs to another conversation.");
        }
        else if (UntrustedOrigin(http, grant) is { } untrusted)
        {
            refused = untrusted;
        }
        else if (!string.IsNullOrEmpty(watermark) && !TryParseWatermark(watermark, out from))
        {
            refused = BadWatermark(watermark);
        }

        if (refused is not null)
        {
            await refused.ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var aborted = http.RequestAborted;
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var subscription = hub.Subscribe(conversationId);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted, subscription.Replaced);
        var receiving = ReceiveUntilClosedAsync(socket, closed);
        var keepAlive = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
        try
        {
            while (true)
            {
                var (json, next, count) = await channel.ReadAsync(conversationId, from, stream: true, closed.Token).ConfigureAwait(false);
                from = next;
                if (count > 0)
                {
                    await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, closed.Token).ConfigureAwait(false);
                }

                while (!await subscription.WaitAsync(keepAlive, closed.Token).ConfigureAwait(false))
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, closed.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            var collision = subscription.Replaced.IsCancellationRequested;
            try
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(collision ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure, collision ? "collision" : "closing", grace.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }

        await receiving.ConfigureAwait(false);
    }

    /// <summary>Reads (and ignores) what the client sends, such as directlinejs' empty pings, until it closes.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var frame = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }

        try
        {
            await closed.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static IResult? Authenticate(HttpContext http, DirectLineTokens tokens, string? credential, out DirectLineCaller? caller)
    {
        caller = null;
        credential ??= BearerOf(http);
        if (string.IsNullOrEmpty(credential))
        {
            return Error(StatusCodes.Status401Unauthorized, "BadArgument", "Send 'Authorization: Bearer <token>' (or the secret, from a server).");
        }

        return tokens.Check(credential, out caller) switch
        {
            CredentialCheck.Valid => UntrustedOrigin(http, caller!.Grant),
            CredentialCheck.Expired => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one (tokens refresh before they expire)."),
            _ => Error(StatusCodes.Status403Forbidden, "BadArgument", "The token or secret is not valid for this bot."),
        };
    }

    /// <summary>Authenticates, then requires the secret or a token for <paramref name="conversationId"/>.</summary>
    private static IResult? Admit(HttpContext http, DirectLineTokens tokens, string conversationId, string? credential, out DirectLineCaller? caller)
    {
        if (Authenticate(http, tokens, credential, out caller) is { } denied)
        {
            return denied;
        }

        return caller!.HasSecret || caller.Grant?.ConversationId == conversationId
            ? null
            : Error(StatusCodes.Status403Forbidden, "NotAllowed", "This token belongs to another conversation.");
    }

    /// <summary><c>GET session/getsessionid</c>: the id directlinejs asks for before a sign-in card's flow.</summary>
    private static IResult SessionId(HttpContext http, DirectLineTokens tokens)
    {
        if (Authenticate(http, tokens, null, out var caller) is { } denied)
        {
            return denied;
        }

        return caller!.Grant is { } grant
            ? Results.Json(new SessionResponse(tokens.SessionId(grant)), DirectLineJson.Default.SessionResponse)
            : Error(StatusCodes.Status400BadRequest, "BadArgument", "A session belongs to a conversation's token; the secret has none.");
    }

    /// <summary>
    /// A token minted with <c>trustedOrigins</c> works only from those pages: the request's <c>Origin</c> (or, for a
    /// same-origin GET that sends none, its <c>Referer</c>) must be one of them.
    /// </summary>
    private static IResult? UntrustedOrigin(HttpContext http, DirectLineGrant? grant)
    {
        if (grant?.TrustedOrigins is not { Count: > 0 } trusted)
        {
            return null;
        }

        var origin = http.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) && Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
        {
            origin = referer.GetLeftPart(UriPartial.Authority);
        }

        return NormalOrigin(origin) is { } normal && trusted.Contains(normal, StringComparer.Ordinal)
            ? null
            : Error(StatusCodes.Status403Forbidden, "NotAllowed", "This token may be used only from the pages it was issued for (trustedOrigins).");
    }

    /// <summary>The <c>trustedOrigins</c> of a token request, each as <c>scheme://host[:port]</c>; a 400 for one that is no origin.</summary>
    private static IResult? TrustedOriginsOf(TokenParameters? parameters, out IReadOnlyList<string>? origins)
    {
        origins = null;
        if (parameters?.TrustedOrigins is not { Count: > 0 } given)
        {
            return null;
        }

        if (given.Count > MaxTrustedOrigins)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"trustedOrigins may name at most {MaxTrustedOrigins} origins.");
        }

        var normal = new List<string>(given.Count);
        foreach (var origin in given)
        {
            if (NormalOrigin(origin) is not { } one)
            {
                return Error(StatusCodes.Status400BadRequest, "BadArgument", $"trustedOrigins: '{origin}' is not an origin such as https://www.example.com.");
            }

            normal.Add(one);
        }

        origins = normal;
        return null;
    }

    private static string? NormalOrigin(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query)
        && uri.UserInfo.Length == 0 && uri.Host.Length > 0 && origin!.Length <= 300
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    private static string? BearerOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static ChannelAccount? UserOf(DirectLineGrant? grant) =>
        grant?.UserId is { } id ? new ChannelAccount { Id = id, Name = grant.UserName, Role = "user" } : null;

    private static async Task<(TokenParameters? Parameters, IResult? Fault)> ReadParametersAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count == 0))
        {
            return (null, null);
        }

        if (http.Request.ContentLength > 16 * 1024)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is over 16 KB."));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync(http.Request.Body, DirectLineJson.Default.TokenParameters, http.RequestAborted).ConfigureAwait(false), null);
        }
        catch (JsonException ex)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON for this request: {ex.Message}"));
        }
    }

    private static IResult Conversation(DirectLineTokens tokens, DirectLineGrant grant, string token, string? streamUrl, int status) =>
        Results.Json(
            new DirectLineConversation(grant.ConversationId, token, tokens.SecondsLeft(grant), streamUrl),
            DirectLineJson.Default.DirectLineConversation,
            statusCode: status);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorBody(code, message)), DirectLineJson.Default.ErrorResponse, statusCode: status);

    private static IResult BadWatermark(string watermark) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", $"'{watermark}' is not a watermark this server gave out.");

    private static bool TryParseWatermark(string watermark, out int position) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out position);

    /// <summary>Where this server is reached: <c>DirectLine:PublicUrl</c>, or the request's own scheme and host.</summary>
    private static string PublicBase(HttpContext http, DirectLineOptions options) =>
        string.IsNullOrEmpty(options.PublicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : options.PublicUrl.TrimEnd('/');

    private static string ServiceUrl(HttpContext http, DirectLineOptions options) => PublicBase(http, options) + "/v3/directline";

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line activity for conversation {ConversationId} failed in the bot")]
    private static partial void LogBotFailed(ILogger logger, Exception exception, string conversationId);
}

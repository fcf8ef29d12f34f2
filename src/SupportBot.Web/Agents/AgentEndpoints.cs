using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SupportBot.Web.Agents;

/// <summary>
/// The agent console at <c>/agent</c>, behind sign-in: the page, the live queue (server-sent events at
/// <c>/agent/events</c>), who is signed in and the name customers see; the cases themselves are
/// <see cref="CaseEndpoints"/>. The JSON API under <c>/agent/api</c> answers only signed-in agents, and its POSTs
/// need the <c>X-SupportBot-Agent</c> header, which no other site's page can send.
/// </summary>
public static partial class AgentEndpoints
{
    public const string AgentHeader = "X-SupportBot-Agent";

    /// <summary>The value the console sends in <see cref="AgentHeader"/>; any other value is refused like a missing header.</summary>
    public const string AgentHeaderValue = "1";
    private const string NameClaim = "supportbot:name";

    /// <summary>The authentication scheme of Entra ID sign-in.</summary>
    public const string EntraScheme = "entra";

    public static IServiceCollection AddAgentSignIn(this IServiceCollection services, OpenIdConnectSignIn entra)
    {
        ArgumentNullException.ThrowIfNull(entra);
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        if (entra.Configured)
        {
            authentication.AddOpenIdConnect(EntraScheme, "Microsoft", oidc =>
            {
                oidc.Authority = entra.Authority;
                oidc.ClientId = entra.ClientId;
                oidc.ClientSecret = entra.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.ResponseMode = "query";

                // The answer comes back as a top-level GET (query mode), so Lax cookies suffice; Secure follows the request.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oidc.CallbackPath = "/agent/signin-oidc";
                oidc.RequireHttpsMetadata = !Uri.TryCreate(entra.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
                oidc.MapInboundClaims = false;
                oidc.Scope.Add("profile");
                oidc.Events.OnTokenValidated = context =>
                {
                    // The sign-in name and roles, as a local sign-in gives, and the name customers see: the token's
                    // name claim (without one, the console asks for a name before the first case).
                    var principal = context.Principal!;
                    var login = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub") ?? "entra-user";
                    var roles = principal.FindAll("roles").Select(c => c.Value).Where(r => r is AgentRoles.Agent or AgentRoles.Admin);
                    var name = principal.FindFirstValue("name") is { Length: > 0 } claimed ? [new Claim(NameClaim, claimed)] : Array.Empty<Claim>();
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                        [new Claim(ClaimTypes.Name, login), .. name, .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
                        CookieAuthenticationDefaults.AuthenticationScheme));
                    return Task.CompletedTask;
                };
            });
        }

        authentication.AddCookie(cookie =>
        {
            cookie.Cookie.Name = "supportbot.agent";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";

            // Secure whenever the request is HTTPS, also behind a proxy in Hosting:KnownProxies that says so (X-Forwarded-Proto).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/agent/signin";
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                // The API and the event stream answer 401; pages go to the sign-in form.
                if (context.Request.Path.StartsWithSegments("/agent/api") || context.Request.Path.StartsWithSegments("/agent/events") || context.Request.Path.StartsWithSegments("/healthz")
                    || context.Request.Path.StartsWithSegments("/admin/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AgentRoles.Agent, policy => policy.RequireRole(AgentRoles.Agent, AgentRoles.Admin))
            .AddPolicy(AgentRoles.Admin, policy => policy.RequireRole(AgentRoles.Admin));
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<SignInThrottle>();
        ConsoleSessions.Use(services); // sign-out ends the session on the server
        return services;
    }

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent/signin", SignInPage);
        app.MapGet("/agent/signin/entra", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/agent" }, [EntraScheme]));
        app.MapPost("/agent/signin", (Delegate)SignInAsync).RequireRateLimiting(Hosting.Hardening.PerAddress);
        app.MapPost("/agent/signout", (Delegate)SignOutAsync).RequireAuthorization();
        app.MapGet("/agent", ConsolePage).RequireAuthorization(AgentRoles.Agent);
        app.MapGet("/agent/events", EventsAsync).RequireAuthorization(AgentRoles.Agent);

        var api = MapAgentApi(app);
        api.MapGet("/me", (ClaimsPrincipal user, AgentDirectory agents) => Me(user, agents));
        api.MapPost("/me/name", SetName);
        api.MapCases();
        return app;
    }

    /// <summary>The console's API group (<c>/agent/api</c>): signed-in agents only, and every change with the <see cref="AgentHeader"/>.</summary>
    public static RouteGroupBuilder MapAgentApi(IEndpointRouteBuilder app) =>
        app.MapGroup("/agent/api").RequireAuthorization(AgentRoles.Agent).AddEndpointFilter(async (context, next) =>
            HttpMethods.IsGet(context.HttpContext.Request.Method) || context.HttpContext.Request.Headers[AgentHeader] == AgentHeaderValue
                ? await next(context).ConfigureAwait(false)
                : Results.Problem($"Send the {AgentHeader}: {AgentHeaderValue} header with every change.", statusCode: StatusCodes.Status403Forbidden));

    /// <summary>The name customers see for the signed-in colleague, or null until they have given one.</summary>
    public static string? AgentName(ClaimsPrincipal user, AgentDirectory agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(user);
        return agents.NameOf(Login(user), user.FindFirstValue(NameClaim));
    }

    private static IResult SignInPage(HttpContext http, Microsoft.Extensions.Options.IOptions<AgentOptions> agents)
    {
        var message = http.Request.Query.ContainsKey("failed") ? "<p role=\"alert\">That sign-in name and password don't match. Please try again.</p>" : string.Empty;
        var back = ReturnPath(http.Request.Query["ReturnUrl"].ToString()) is { } path ? $"<input type=\"hidden\" name=\"returnUrl\" value=\"{System.Net.WebUtility.HtmlEncode(path)}\">" : string.Empty;
        if (agents.Value.OpenIdConnect.Configured)
        {
            message += "<p><a href=\"/agent/signin/entra\">Sign in with Microsoft</a></p>";
        }
        return Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · SupportBot agents</title>
            <style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f3f4f6}
            form{background:#fff;padding:32px;border-radius:12px;box-shadow:0 4px 20px rgba(0,0,0,.1);display:grid;gap:12px;min-width:300px}
            input,button{font:inherit;padding:8px}button{background:#0063B1;color:#fff;border:0;border-radius:6px}[role=alert]{color:#a4262c;max-width:320px}</style></head>
            <body><form method="post" action="/agent/signin"><h1>Agent sign-in</h1>{{message}}{{back}}
            <label for="login">Sign-in name</label><input id="login" name="login" autocomplete="username" required autofocus>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form></body></html>
            """, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignInAsync(HttpContext http, AgentDirectory agents, SignInThrottle throttle, ILoggerFactory loggers)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var login = form["login"].ToString().Trim();
        var password = form["password"].ToString();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Wait(login, address) is { } wait)
        {
            // Locked: the password is not even checked, so guessing gains nothing while it lasts.
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem($"Too many wrong passwords: try again in {(int)wait.TotalSeconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts");
        }

        var account = agents.Find(login);
        // The hash is computed even for an unknown name, so timing does not tell which names exist.
        var valid = AgentPasswords.Verify(password, account?.PasswordHash ?? UnknownAccountHash) && account is not null;
        var logger = loggers.CreateLogger(typeof(AgentEndpoints));
        if (!valid)
        {
            throttle.Failed(login, address);
            LogSignInFailed(logger, login.Length > 64 ? login[..64] : login);
            return Results.Redirect(ReturnPath(form["returnUrl"].ToString()) is { } retry ? $"/agent/signin?failed&ReturnUrl={Uri.EscapeDataString(retry)}" : "/agent/signin?failed");
        }

        throttle.Succeeded(login);

        // No name claim: a local account's name is looked up on each request, so a name given later counts at once.
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account!.Login),
                .. AgentDirectory.RolesOf(account).Select(role => new Claim(ClaimTypes.Role, role)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        LogSignedIn(logger, account.Login);
        var roles = AgentDirectory.RolesOf(account);
        var home = roles.Contains(AgentRoles.Agent) ? "/agent" : "/admin";
        var wanted = ReturnPath(form["returnUrl"].ToString());
        return Results.Redirect(wanted is not null && (wanted.StartsWith("/admin", StringComparison.Ordinal) ? roles.Contains(AgentRoles.Admin) : roles.Contains(AgentRoles.Agent)) ? wanted : home);
    }

    /// <summary>Where sign-in may send a colleague back to: a page of the console or the admin studio on this site, nothing else.</summary>
    private static string? ReturnPath(string? wanted) =>
        wanted is { Length: > 0 and < 200 } && (wanted == "/agent" || wanted == "/admin" || wanted.StartsWith("/admin/", StringComparison.Ordinal))
        && wanted.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_')
            ? wanted
            : null;

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return Results.Redirect("/agent/signin");
    }

    private static IResult ConsolePage()
    {
        using var stream = typeof(AgentEndpoints).Assembly.GetManifestResourceStream("SupportBot.Web.Agents.console.html")!;
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
    }

    /// <summary>Server-sent events: <c>case</c> when the queue or a case changes, <c>conversation</c> when a conversation has a turn.</summary>
    private static async Task EventsAsync(HttpContext http, ClaimsPrincipal user, DeskFeed feed)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        using var subscription = feed.Subscribe(Login(user));
        var aborted = http.RequestAborted;
        try
        {
            await http.Response.WriteAsync(": connected\n\n", aborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            while (!aborted.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                idle.CancelAfter(TimeSpan.FromSeconds(15));
                string message;
                try
                {
                    message = await subscription.Messages.Reader.ReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    message = ": keep-alive\n\n";
                }

                await http.Response.WriteAsync(message, aborted).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The signed-in colleague's sign-in name.</summary>
    internal static string Login(ClaimsPrincipal user) => user.Identity?.Name ?? string.Empty;

    private static IResult Me(ClaimsPrincipal user, AgentDirectory agents)
    {
        var name = agents.NameOf(Login(user), user.FindFirstValue(NameClaim));
        var view = new AgentView(Login(user), name, name is null ? null : AgentDirectory.Initials(name), !agents.NameIsFixed(Login(user), user.FindFirstValue(NameClaim)));
        return Results.Json(view, AgentJson.Default.AgentView);
    }

    /// <summary>The name customers will see, given in the console by a colleague whose account has none.</summary>
    private static IResult SetName(NameRequest body, ClaimsPrincipal user, AgentDirectory agents)
    {
        if (agents.NameIsFixed(Login(user), user.FindFirstValue(NameClaim)))
        {
            return Results.Problem("Your name comes from your account's settings; ask an admin to change it there.", statusCode: StatusCodes.Status409Conflict);
        }

        if (AgentDirectory.NameProblem(body.Name) is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }

        agents.SetName(Login(user), body.Name!);
        return Me(user, agents);
    }

    // A valid hash of a random password: checking an unknown sign-in name costs the same as a known one.
    private static readonly string UnknownAccountHash = AgentPasswords.Hash(Guid.NewGuid().ToString("N"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent sign-in failed for '{Login}'")]
    private static partial void LogSignInFailed(ILogger logger, string login);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Login} signed in")]
    private static partial void LogSignedIn(ILogger logger, string login);
}

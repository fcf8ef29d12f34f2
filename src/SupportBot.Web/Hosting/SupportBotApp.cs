using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SupportBot.Core.Bot;
using SupportBot.Core.PromptFiles;
using SupportBot.Web.Agents;
using SupportBot.Web.Channels;
using SupportBot.Web.DirectLine;
using SupportBot.Web.Endpoints;
using SupportBot.Web.Widget;

namespace SupportBot.Web.Hosting;

/// <summary>Builds the web host: the table of contents of what the app serves. Tests build the same app on a free port.</summary>
public static partial class SupportBotApp
{
    public static WebApplication Build(string root, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
        builder.Services.AddProblemDetails();
        builder.Services.AddActivityJson();
        builder.Services.AddSupportBot(builder.Configuration, root);
        builder.Services.AddConnector(builder.Configuration);
        builder.Services.AddPromptReload();
        builder.Services.AddDirectLine(builder.Configuration, root);
        builder.Services.AddOptions<AgentOptions>().Bind(builder.Configuration.GetSection(AgentOptions.Section))
            .Validate(o => o.Accounts.All(a => a.Login.Length > 0 && a.PasswordHash.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal)), "Agents:Accounts: each account needs a Login and a PasswordHash made by `supportbot agents hash-password`.")
            .ValidateOnStart();
        builder.Services.AddAgentSignIn(builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>()?.OpenIdConnect ?? new OpenIdConnectSignIn());
        builder.Services.AddSingleton(new AppRootPath(root));

        // Sign-in cookies are protected by keys kept with the rest of the bot's data, so they survive a restart.
        builder.Services.AddDataProtection()
            .SetApplicationName("SupportBot")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(root, builder.Configuration["Storage:DataDirectory"] ?? "data", "keys")));
        builder.Services.AddHardening(builder.Configuration);
        builder.Services.AddSingleton<DeskRelay>();
        builder.Services.AddHostedService<DeskService>();
        builder.Services.AddSingleton<TeamsAgentCards>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TeamsAgentCards>());
        configure?.Invoke(builder);

        var app = builder.Build();

        // Read the prompts, the catalog and the sentiment lexicon now: invalid files stop start-up with every error
        // listed (PromptFilesInvalidException, FormatException), before anything listens, never at a customer's turn.
        _ = app.Services.GetRequiredService<BotAdapter>();
        var feed = app.Services.GetRequiredService<DeskFeed>();
        var desk = app.Services.GetRequiredService<Core.Handoff.HandoffDesk>();
        desk.Changed += feed.CaseChanged;
        desk.Changed += app.Services.GetRequiredService<TeamsAgentCards>().OnChanged;

        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapWidget();
        app.MapHealth();
        app.MapMessages();
        app.MapDirectLine();
        app.MapAgents();
        app.Lifetime.ApplicationStarted.Register(() => LogStartup(app, root));
        return app;
    }

    private static void LogStartup(WebApplication app, string root)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportBot");
        var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var prompts = app.Services.GetRequiredService<PromptSource>();
        var where = storage.Provider switch
        {
            "Memory" => "in memory (lost on exit)",
            "Postgres" => "PostgreSQL (Storage:ConnectionString)",
            _ => Path.Combine(root, storage.DataDirectory, "supportbot.db"),
        };
        var page = app.Urls.FirstOrDefault()?.TrimEnd('/') + "/";
        var endpoints = string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + "/api/messages"));
        var promptCount = prompts.Current.Keys.Count();
        LogReady(logger, page, endpoints, where, promptCount, prompts.Directory);
        if (app.Services.GetRequiredService<AgentDirectory>().GeneratedPassword is { } password)
        {
            // Shown once, on the console only (never through logging): the hash alone is kept.
            Console.WriteLine($"First run: no admin account is configured, so one was made. Sign in at {page}agent/signin as '{AgentDirectory.FirstRunLogin}' with the password {password}");
            Console.WriteLine("It is shown only this once. Replace it by adding an admin to Agents:Accounts, or set SUPPORTBOT_ADMIN_PASSWORD.");
        }

        if (string.IsNullOrEmpty(bot.MicrosoftAppId))
        {
            LogLoopbackOnly(logger);
        }
        else
        {
            LogValidating(logger, bot.MicrosoftAppId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SupportBot is ready. Chat in a browser at {Page}; channels post to {Endpoints}; Direct Line is at {Page}v3/directline; state and transcripts: {Storage}; {PromptCount} prompts from {PromptDirectory}")]
    private static partial void LogReady(ILogger logger, string page, string endpoints, string storage, int promptCount, string promptDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Bot:MicrosoftAppId is configured, so channel tokens are not checked and only callers on this machine (loopback) are accepted. Set the app id to accept Azure Bot Service and Teams.")]
    private static partial void LogLoopbackOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every request to /api/messages must carry a channel token for app id {AppId}; tokens are checked against the Bot Framework's and Entra ID's published keys.")]
    private static partial void LogValidating(ILogger logger, string appId);
}

using Microsoft.Extensions.Options;
using SupportBot.Core.Bot;
using SupportBot.Core.PromptFiles;
using SupportBot.Web.Admin;
using SupportBot.Web.Agents;
using SupportBot.Web.Channels;
using SupportBot.Web.DirectLine;
using SupportBot.Web.Endpoints;
using SupportBot.Web.Fulfilment;
using SupportBot.Web.Insight;
using SupportBot.Web.Prompts;
using SupportBot.Web.Sentiment;
using SupportBot.Web.Storage;
using SupportBot.Web.Understanding;
using SupportBot.Web.Widget;

namespace SupportBot.Web.Hosting;

/// <summary>Builds the web host: the table of contents of what the app serves. Tests build the same app on a free port.</summary>
public static partial class SupportBotApp
{
    public static WebApplication Build(string root, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
        var configuration = builder.Configuration;
        builder.Services.AddProblemDetails();
        builder.Services.AddActivityJson();
        builder.Services.AddStorage(configuration, root);
        builder.Services.AddPrompts(configuration, root);
        builder.Services.AddPromptReload();
        builder.Services.AddSentiment(configuration, root);
        builder.Services.AddUnderstanding(configuration, root);
        builder.Services.AddSupportBot(configuration);
        builder.Services.AddChannels(configuration);
        builder.Services.AddFulfilment(configuration);
        builder.Services.AddDirectLine(configuration, root);
        builder.Services.AddAgents(configuration, root);
        builder.Services.AddAdmin(configuration, root);
        builder.Services.AddHardening(configuration);
        builder.Services.AddInsight(configuration);
        configure?.Invoke(builder);

        var app = builder.Build();

        // Read the prompts, the catalog, the sentiment lexicon and the reader's examples now: invalid files stop start-up with every error
        // listed (PromptFilesInvalidException, FormatException), before anything listens, never at a customer's turn.
        _ = app.Services.GetRequiredService<BotAdapter>();
        _ = app.Services.GetRequiredService<Core.Understanding.MessageReaderSource>();
        var feed = app.Services.GetRequiredService<DeskFeed>();
        var desk = app.Services.GetRequiredService<Core.Handoff.HandoffDesk>();
        desk.Changed += feed.CaseChanged;
        desk.Changed += app.Services.GetRequiredService<TeamsAgentCards>().OnChanged;
        app.Services.GetRequiredService<Core.Handoff.DeskDeliveries>().Changed += feed.CaseChanged;

        app.UseTrustedProxies();
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
        app.MapAdmin();
        app.MapFulfilment();
        app.MapInsight();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            LogStartup(app, root);
            // Training the readers at start-up leaves tens of megabytes of garbage behind; give it back at once
            // rather than keep it resident until the heap next fills.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
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
            StorageProvider.Memory => "in memory (lost on exit)",
            StorageProvider.Postgres => "PostgreSQL (Storage:ConnectionString)",
            _ => Path.Combine(root, storage.DataDirectory, "supportbot.db"),
        };
        var page = app.Urls.FirstOrDefault()?.TrimEnd('/') + "/";
        var endpoints = string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + "/api/messages"));
        var promptCount = prompts.Current.Keys.Count();
        LogReady(logger, page, endpoints, where, promptCount, prompts.Directory);
        var fulfilment = app.Services.GetRequiredService<IOptions<Core.Fulfilment.FulfilmentOptions>>().Value;
        var unset = app.Services.GetRequiredService<Core.Support.SupportCatalogSource>().Current.Remedies.Values
            .Where(r => r.Fulfil.Webhook is { } name && fulfilment.Webhook(name) is null)
            .GroupBy(r => r.Fulfil.Webhook!, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.Id))})")
            .ToList();
        if (unset.Count > 0)
        {
            LogWebhooksOff(logger, string.Join("; ", unset));
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "These webhooks have no Url yet (Fulfilment:Webhooks:NAME:Url), so colleagues carry out their remedies from the console until it is set: {Webhooks}")]
    private static partial void LogWebhooksOff(ILogger logger, string webhooks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Bot:MicrosoftAppId is configured, so channel tokens are not checked and only callers on this machine (loopback) are accepted. Set the app id to accept Azure Bot Service and Teams.")]
    private static partial void LogLoopbackOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every request to /api/messages must carry a channel token for app id {AppId}; tokens are checked against the Bot Framework's and Entra ID's published keys.")]
    private static partial void LogValidating(ILogger logger, string appId);
}

using Microsoft.Extensions.Options;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;
using SupportBot.Web.Channels;
using SupportBot.Web.Hosting;
using SupportBot.Web.Storage;
using SupportBot.Web.Widget;

namespace SupportBot.Web.DirectLine;

/// <summary>Registers the built-in Direct Line channel, its tokens and the widget's CORS policy.</summary>
public static class DirectLineServices
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Secret.Length is 0 or >= 32, "DirectLine:Secret must be at least 32 characters (or empty).")
            .Validate(o => o.PublicUrl.Length == 0 || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "DirectLine:PublicUrl must be an absolute URL (or empty).")
            .ValidateOnStart();
        services.AddOptions<WidgetOptions>().Bind(configuration.GetSection(WidgetOptions.Section))
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"), "Widget:AllowedOrigins takes origins such as https://www.example.com (scheme, host and port, no path).")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectLineOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var keyFile = storage.Provider == StorageProvider.Memory ? null : Path.Combine(root, storage.DataDirectory, "directline-token.key");
            return new DirectLineTokens(
                DirectLineTokens.SigningKey(options.Secret, sp.GetRequiredService<StorageBackend>().Database as PostgresDatabase, keyFile),
                options.Secret,
                TimeSpan.FromMinutes(options.TokenLifetimeMinutes),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<AnonymousChats>();
        services.AddSingleton(sp => new StreamTickets(sp.GetRequiredService<StorageBackend>().Database as PostgresDatabase, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var bot = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new DirectLineChannel(
                sp.GetRequiredService<TurnRunner>(),
                sp.GetRequiredService<ITranscriptStore>(),
                sp.GetRequiredService<TimeProvider>(),
                string.IsNullOrEmpty(bot.MicrosoftAppId) ? bot.Name : bot.MicrosoftAppId,
                bot.Name,
                sp.GetRequiredService<ILogger<DirectLineChannel>>());
        });

        var origins = configuration.GetSection(WidgetOptions.Section).Get<WidgetOptions>()?.AllowedOrigins ?? [];
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            .WithOrigins([.. origins.Select(o => o.TrimEnd('/'))])
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "x-requested-with")
            .WithExposedHeaders("Retry-After") // directlinejs backs off by it on a 429 from another origin
            .AllowCredentials())); // session/getsessionid is called with credentials; no Direct Line call trusts a cookie

        return services;
    }
}

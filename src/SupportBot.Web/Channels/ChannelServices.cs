using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SupportBot.Web.DirectLine;
using SupportBot.Web.Endpoints;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Channels;

/// <summary>
/// Registers the channels' side of the bot: who it is on them, what they may send (<c>Messages</c>), how their calls
/// are checked, the Bot Connector client (per-attempt timeouts, retries on transient failures) and the
/// <see cref="TurnRunner"/> that delivers every turn's replies (with the Direct Line streams it wakes).
/// </summary>
public static class ChannelServices
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessagesOptions>().Bind(configuration.GetSection(MessagesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChannelAuthOptions>().Bind(configuration.GetSection(ChannelAuthOptions.Section))
            .Validate(o => !o.Authenticates || o.MicrosoftAppType is "MultiTenant" or "SingleTenant" or "UserAssignedMSI", "Bot:MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.")
            .Validate(o => !o.Authenticates || !o.MicrosoftAppType.Equals("SingleTenant", StringComparison.Ordinal) || o.MicrosoftAppTenantId.Length > 0, "Bot:MicrosoftAppTenantId is needed for a SingleTenant bot.")
            .Validate(o => o.OpenIdMetadataUrl.StartsWith("https://", StringComparison.Ordinal) || IsLoopback(o.OpenIdMetadataUrl), "Bot:OpenIdMetadataUrl must be https (http only on loopback, for tests).")
            .ValidateOnStart();
        services.AddHttpClient("openid", client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton(sp =>
        {
            var trusted = new TrustedServiceUrls();
            trusted.Add(configuration["Handoff:TeamsChannel:ServiceUrl"]);
            return trusted;
        });
        services.AddTransient<ConnectorAuthHandler>();

        // The resilience pipeline owns timeouts; HttpClient's own 100 s limit must not cut its retries short.
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .AddResilienceHandler("connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.Retries, 1),
                    ShouldHandle = args => ValueTask.FromResult(options.Retries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
            });
        services.AddSingleton<DirectLineHub>();
        services.AddSingleton<TurnRunner>();
        return services;
    }

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}

using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Channels;

/// <summary>Registers the typed Bot Connector client with per-attempt timeouts and retries on transient failures.</summary>
public static class ConnectorServices
{
    public static IServiceCollection AddConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The resilience pipeline owns timeouts; HttpClient's own 100 s limit must not cut its retries short.
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
        return services;
    }

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}

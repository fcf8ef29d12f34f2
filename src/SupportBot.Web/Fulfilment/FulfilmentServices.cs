using Microsoft.Extensions.Options;
using SupportBot.Core.Bot;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.State;

namespace SupportBot.Web.Fulfilment;

/// <summary>
/// Registers how granted remedies are carried out: the <c>Fulfilment</c> settings (checked at start-up), the
/// outbox's actions, the signed webhook delivery, the adapter's dispatch of a turn's actions once it is durable,
/// and the background service that retries, chases overdue callbacks and tells customers of later outcomes.
/// </summary>
public static class FulfilmentServices
{
    /// <summary>The named <see cref="HttpClient"/> the webhooks are called with.</summary>
    public const string HttpClientName = "fulfilment";

    public static IServiceCollection AddFulfilment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FulfilmentOptions>().Bind(configuration.GetSection(FulfilmentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FulfilmentOptions>, FulfilmentOptionsValidator>();

        // Each attempt has its own timeout (the webhook's TimeoutSeconds): the client itself never gives up first.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new FulfilmentOutbox(sp.GetRequiredService<Outbox>()));
        services.AddSingleton(sp => new FulfilmentDelivery(
            sp.GetRequiredService<FulfilmentOutbox>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<FulfilmentOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FulfilmentDelivery>>()));
        services.AddSingleton<FulfilmentDispatcher>();
        services.AddSingleton<OutboxDispatch>(sp => sp.GetRequiredService<FulfilmentDispatcher>().DispatchAsync);
        services.AddSingleton<FulfilmentService>();
        services.AddHostedService(sp => sp.GetRequiredService<FulfilmentService>());
        return services;
    }

    /// <summary>Names the setting at fault, as every other section's check does.</summary>
    private sealed class FulfilmentOptionsValidator : IValidateOptions<FulfilmentOptions>
    {
        public ValidateOptionsResult Validate(string? name, FulfilmentOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

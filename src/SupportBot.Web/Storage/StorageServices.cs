using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;

namespace SupportBot.Web.Storage;

/// <summary>
/// Registers the storage backend <c>Storage:Provider</c> names, the state, transcripts, outbox (with the follow-up
/// schedule) and desk it holds, and the signals between the instances that share it.
/// </summary>
public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Provider), "Storage:Provider must be Sqlite, Postgres or Memory.")
            .Validate(o => o.Provider != StorageProvider.Postgres || o.ConnectionString.Length > 0, "Storage:ConnectionString is needed when Storage:Provider is Postgres.")
            .ValidateOnStart();
        services.AddSingleton(sp => StorageBackend.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value, root));
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Storage);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Transcripts);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Desk);
        services.AddSingleton(sp => new FollowUpSchedule(sp.GetRequiredService<Outbox>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Turns);
        services.AddSingleton<InstanceSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceSignals>());
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SupportBot.Core.State;
using SupportBot.Web.Storage;

namespace SupportBot.Web.Agents;

/// <summary>
/// Registers the agent desk of the web host: who may sign in to the console and how, the relay that speaks into
/// customers' conversations, the desk's clock (queue updates, check-ins) and the agents' Teams channel cards.
/// </summary>
public static class AgentServices
{
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.Section))
            .Validate(o => o.Accounts.All(a => a.Login.Length > 0 && a.PasswordHash.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal)), "Agents:Accounts: each account needs a Login and a PasswordHash made by `supportbot agents hash-password`.")
            .ValidateOnStart();
        services.AddAgentSignIn(configuration.GetSection(AgentOptions.Section).Get<AgentOptions>()?.OpenIdConnect ?? new OpenIdConnectSignIn());
        services.AddSingleton(new AppRootPath(root));

        // Sign-in cookies are protected by keys kept with the rest of the bot's data, so they survive a restart: in the
        // data folder, or in PostgreSQL, where every instance sharing it finds them.
        services.AddDataProtection().SetApplicationName("SupportBot");
        var keys = new DirectoryInfo(Path.Combine(root, configuration["Storage:DataDirectory"] ?? "data", "keys"));
        services.AddOptions<KeyManagementOptions>().Configure<StorageBackend, ILoggerFactory>((options, storage, loggers) =>
            options.XmlRepository = storage.Database is PostgresDatabase database ? new DatabaseKeyRepository(database) : new FileSystemXmlRepository(keys, loggers));

        services.AddSingleton<DeskRelay>();
        services.AddHostedService<DeskService>();
        services.AddSingleton<TeamsAgentCards>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsAgentCards>());
        return services;
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Web.Hosting;
using SupportBot.Web.Storage;

namespace SupportBot.Web.Agents;

/// <summary>
/// Who may sign in: the accounts in <c>Agents:Accounts</c>, and, while none of them is an admin, a first-run admin.
/// Its password comes from <c>SUPPORTBOT_ADMIN_PASSWORD</c>, or is generated once, printed once to the console, and
/// kept only as a hash in the data folder.
/// </summary>
public sealed class AgentDirectory
{
    public const string FirstRunLogin = "admin";
    private readonly List<AgentAccount> _accounts;

    public AgentDirectory(IOptions<AgentOptions> agents, IOptions<StorageOptions> storage, AppRootPath root)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(root);
        _accounts = [.. agents.Value.Accounts];
        if (_accounts.Any(a => RolesOf(a).Contains(AgentRoles.Admin)))
        {
            return;
        }

        var file = storage.Value.Provider == StorageProvider.Memory ? null : Path.Combine(root.Path, storage.Value.DataDirectory, "admin.json");
        _accounts.Add(new AgentAccount { Login = FirstRunLogin, Name = "Administrator", PasswordHash = FirstRunHash(file), Roles = [AgentRoles.Admin, AgentRoles.Agent] });
    }

    /// <summary>The first-run password when one was generated at this start (to show once), else null.</summary>
    public string? GeneratedPassword { get; private set; }

    /// <summary>The account with this sign-in name, or null.</summary>
    public AgentAccount? Find(string login) =>
        _accounts.FirstOrDefault(a => string.Equals(a.Login, login, StringComparison.OrdinalIgnoreCase));

    /// <summary>An account's roles: as configured, or agent.</summary>
    public static IReadOnlyList<string> RolesOf(AgentAccount account) =>
        account?.Roles is { Count: > 0 } roles ? roles : [AgentRoles.Agent];

    private string FirstRunHash(string? file)
    {
        if (Environment.GetEnvironmentVariable("SUPPORTBOT_ADMIN_PASSWORD") is { Length: >= 10 } configured)
        {
            return AgentPasswords.Hash(configured);
        }

        if (file is not null && File.Exists(file))
        {
            using var stored = JsonDocument.Parse(File.ReadAllText(file));
            return stored.RootElement.GetProperty("passwordHash").GetString()!;
        }

        GeneratedPassword = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        var hash = AgentPasswords.Hash(GeneratedPassword);
        if (file is not null)
        {
            PrivateFile.Write(file, JsonSerializer.Serialize(new Dictionary<string, string> { ["login"] = FirstRunLogin, ["passwordHash"] = hash }));
        }

        return hash;
    }
}

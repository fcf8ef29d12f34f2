using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Web.Hosting;
using SupportBot.Web.Storage;

namespace SupportBot.Web.Agents;

/// <summary>
/// Who may sign in: the accounts in <c>Agents:Accounts</c>, and, while none of them is an admin, a first-run admin.
/// Its password comes from <c>SUPPORTBOT_ADMIN_PASSWORD</c>, or is generated once, printed once to the console, and
/// kept only as a hash in the data folder. It also knows the name customers see for each colleague: a configured
/// account's <c>Name</c>, an Entra ID sign-in's name claim, or else the name they gave in the console, kept in
/// <c>agent-names.json</c> next to the first-run admin's hash.
/// </summary>
public sealed class AgentDirectory
{
    public const string FirstRunLogin = "admin";

    /// <summary>The longest display name a colleague may give.</summary>
    public const int MaxNameLength = 60;

    private readonly List<AgentAccount> _accounts;
    private readonly string? _namesFile;
    private readonly Lock _namesGate = new();
    private Dictionary<string, string> _names;

    public AgentDirectory(IOptions<AgentOptions> agents, IOptions<StorageOptions> storage, AppRootPath root)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(root);
        var data = storage.Value.Provider == StorageProvider.Memory ? null : Path.Combine(root.Path, storage.Value.DataDirectory);
        _namesFile = data is null ? null : Path.Combine(data, "agent-names.json");
        _names = ReadNames(_namesFile);
        _accounts = [.. agents.Value.Accounts];
        if (_accounts.Any(a => RolesOf(a).Contains(AgentRoles.Admin)))
        {
            return;
        }

        // The first-run admin has no name of its own: it is asked for one before it takes a case.
        var file = data is null ? null : Path.Combine(data, "admin.json");
        _accounts.Add(new AgentAccount { Login = FirstRunLogin, PasswordHash = FirstRunHash(file), Roles = [AgentRoles.Admin, AgentRoles.Agent] });
    }

    /// <summary>The first-run password when one was generated at this start (to show once), else null.</summary>
    public string? GeneratedPassword { get; private set; }

    /// <summary>The account with this sign-in name, or null.</summary>
    public AgentAccount? Find(string login) =>
        _accounts.FirstOrDefault(a => string.Equals(a.Login, login, StringComparison.OrdinalIgnoreCase));

    /// <summary>An account's roles: as configured, or agent.</summary>
    public static IReadOnlyList<string> RolesOf(AgentAccount account) =>
        account?.Roles is { Count: > 0 } roles ? roles : [AgentRoles.Agent];

    /// <summary>
    /// The name customers see for <paramref name="login"/>: a local account's configured <c>Name</c>; for a sign-in
    /// from elsewhere (Entra ID), the name it came with (<paramref name="claimedName"/>); else the name they gave in the
    /// console. Null until they have one.
    /// </summary>
    public string? NameOf(string login, string? claimedName) =>
        FixedName(login, claimedName) ?? StoredName(login);

    /// <summary>Whether the name comes from the configuration or the identity provider, so the console cannot change it.</summary>
    public bool NameIsFixed(string login, string? claimedName) => FixedName(login, claimedName) is not null;

    /// <summary>Keeps the name a colleague gave in the console (durably, unless storage is in memory) and returns it tidied.</summary>
    public string SetName(string login, string name)
    {
        ArgumentNullException.ThrowIfNull(login);
        var tidy = Tidy(name);
        lock (_namesGate)
        {
            var names = new Dictionary<string, string>(_names, StringComparer.OrdinalIgnoreCase) { [login] = tidy };
            if (_namesFile is not null)
            {
                // Written whole to a new file, then moved over the old one: a crash never leaves half a file.
                var next = _namesFile + ".new";
                PrivateFile.Write(next, JsonSerializer.Serialize(names));
                File.Move(next, _namesFile, overwrite: true);
            }

            _names = names;
        }

        return tidy;
    }

    /// <summary>What is wrong with <paramref name="name"/> as the name customers see, or null when it will do.</summary>
    public static string? NameProblem(string? name)
    {
        var tidy = Tidy(name ?? string.Empty);
        if (tidy.Length < 2 || tidy.Length > MaxNameLength || !tidy.Any(char.IsLetter))
        {
            return $"Give the name customers will see, 2 to {MaxNameLength} characters, such as \"Ada Okafor\".";
        }

        if (tidy.Any(c => char.IsControl(c) || "<>*_`~[]{}\\|#".Contains(c, StringComparison.Ordinal)))
        {
            return "Leave out symbols such as * _ < > and #: they would show oddly in customers' chats.";
        }

        return tidy.Equals("admin", StringComparison.OrdinalIgnoreCase) || tidy.Equals("administrator", StringComparison.OrdinalIgnoreCase)
            ? "Customers want a person's name, such as \"Ada Okafor\", not a role."
            : null;
    }

    /// <summary>Initials for an avatar: the first letters of the first and last words ("Ada Okafor" gives "AO").</summary>
    public static string Initials(string name)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        var first = StringInfo.GetNextTextElement(words[0]);
        var last = words.Length > 1 ? StringInfo.GetNextTextElement(words[^1]) : string.Empty;
        return (first + last).ToUpperInvariant();
    }

    /// <summary>
    /// The colleague's id in customers' conversations: stable and different for each colleague, and not their
    /// sign-in name (often an email address), which customers have no business seeing.
    /// </summary>
    public static string PublicId(string login)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((login ?? string.Empty).ToUpperInvariant()));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    private string? FixedName(string login, string? claimedName) =>
        Find(login) is { } account
            ? string.IsNullOrWhiteSpace(account.Name) ? null : account.Name.Trim()
            : string.IsNullOrWhiteSpace(claimedName) ? null : claimedName.Trim();

    private string? StoredName(string login)
    {
        lock (_namesGate)
        {
            return _names.GetValueOrDefault(login);
        }
    }

    private static string Tidy(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> ReadNames(string? file) =>
        file is not null && File.Exists(file)
            ? new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [], StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

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

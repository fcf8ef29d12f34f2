using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SupportBot.Core.State;

namespace SupportBot.Web.Agents;

/// <summary>
/// Keeps the console's sign-in sessions on the server, in the bot's storage (so every instance sharing it knows
/// them): the cookie carries only a random session id. Signing out deletes the session, so a copied cookie is
/// worthless afterwards; a session also ends when it expires.
/// </summary>
public sealed class ConsoleSessions(IStorage storage, TimeProvider time) : ITicketStore
{
    private const string Prefix = "console-session/";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await RenewAsync(key, ticket).ConfigureAwait(false);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var session = new Session(Convert.ToBase64String(TicketSerializer.Default.Serialize(ticket)), ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(12));
        var json = JsonSerializer.Serialize(session, StateJson.Options);
        return storage.WriteAsync(new Dictionary<string, StoreItem> { [Prefix + key] = new StoreItem(json, "*") }, CancellationToken.None);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
        {
            return null;
        }

        var items = await storage.ReadAsync([Prefix + key], CancellationToken.None).ConfigureAwait(false);
        if (!items.TryGetValue(Prefix + key, out var item) || JsonSerializer.Deserialize<Session>(item.Json, StateJson.Options) is not { } session
            || session.Expires <= time.GetUtcNow())
        {
            return null;
        }

        return TicketSerializer.Default.Deserialize(Convert.FromBase64String(session.Ticket));
    }

    public Task RemoveAsync(string key) => storage.DeleteAsync([Prefix + key], CancellationToken.None);

    /// <summary>Puts the console's cookie sessions into <see cref="ConsoleSessions"/>.</summary>
    public static void Use(IServiceCollection services) =>
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IStorage, TimeProvider>((cookie, storage, time) => cookie.SessionStore = new ConsoleSessions(storage, time));

    private sealed record Session(string Ticket, DateTimeOffset Expires);
}

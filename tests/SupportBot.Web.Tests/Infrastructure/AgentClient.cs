using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Web.Agents;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>An agent's browser session against a <see cref="BotHost"/>: real sign-in form, real cookie, the console's API and event stream.</summary>
public sealed class AgentClient : IDisposable
{
    public const string Password = "correct horse battery staple";

    /// <summary>One hash for the test accounts (PBKDF2 is slow on purpose).</summary>
    public static readonly string PasswordHash = AgentPasswords.Hash(Password);

    private readonly HttpClient _client;

    private AgentClient(HttpClient client, CookieContainer cookies) => (_client, Cookies) = (client, cookies);

    /// <summary>The browser's cookie jar: the session cookie the sign-in set.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>Settings for agent accounts <c>alex</c> (Alex Morgan), <c>sam</c> (Sam Lee) and as many more as asked, and the admin <c>ada</c>.</summary>
    public static Dictionary<string, string> Accounts(int extra = 0)
    {
        var settings = new Dictionary<string, string>();
        var accounts = new List<(string Login, string Name)> { ("alex", "Alex Morgan"), ("sam", "Sam Lee") };
        accounts.AddRange(Enumerable.Range(1, extra).Select(i => ($"agent{i}", $"Agent {i}")));
        for (var i = 0; i < accounts.Count; i++)
        {
            settings[$"Agents:Accounts:{i}:Login"] = accounts[i].Login;
            settings[$"Agents:Accounts:{i}:Name"] = accounts[i].Name;
            settings[$"Agents:Accounts:{i}:PasswordHash"] = PasswordHash;
        }

        var admin = accounts.Count;
        settings[$"Agents:Accounts:{admin}:Login"] = "ada";
        settings[$"Agents:Accounts:{admin}:Name"] = "Ada Admin";
        settings[$"Agents:Accounts:{admin}:PasswordHash"] = PasswordHash;
        settings[$"Agents:Accounts:{admin}:Roles:0"] = "admin";
        settings[$"Agents:Accounts:{admin}:Roles:1"] = "agent";
        return settings;
    }

    /// <summary>Signs in through the form; throws when the server refuses.</summary>
    public static async Task<AgentClient> SignInAsync(BotHost host, string login, string password = Password)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("agent/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["password"] = password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent", response.Headers.Location?.OriginalString);
        return new AgentClient(client, cookies);
    }

    public HttpClient Http => _client;

    /// <summary>The signed-in agent as the console sees them: <c>login</c>, <c>name</c>, <c>initials</c>, <c>canChangeName</c>.</summary>
    public async Task<JsonNode> MeAsync() => (await _client.GetFromJsonAsync<JsonNode>("agent/api/me"))!;

    public async Task<JsonArray> CasesAsync() => (await _client.GetFromJsonAsync<JsonArray>("agent/api/cases"))!;

    public async Task<JsonNode> CaseAsync(string caseId) => (await _client.GetFromJsonAsync<JsonNode>($"agent/api/cases/{caseId}"))!;

    /// <summary>GETs from the console API (<c>agent/api/…</c>).</summary>
    public async Task<JsonNode> GetAsync(string path) => (await _client.GetFromJsonAsync<JsonNode>("agent/api/" + path))!;

    /// <summary>POSTs to the console API with the agent header; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "agent/api/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(AgentEndpoints.AgentHeader, AgentEndpoints.AgentHeaderValue);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Opens the console's event stream (which also marks the agent as available) and returns it.</summary>
    public async Task<Stream> OpenEventsAsync()
    {
        var response = await _client.GetAsync("agent/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        var first = new byte[64];
        _ = await stream.ReadAsync(first); // ": connected"
        return stream;
    }

    public void Dispose() => _client.Dispose();
}

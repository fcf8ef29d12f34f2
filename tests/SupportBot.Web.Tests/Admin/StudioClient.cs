using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Web.Agents;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Admin;

/// <summary>A signed-in colleague calling the admin studio's API (<c>/admin/api/…</c>) the way its page does.</summary>
public sealed class StudioClient(AgentClient colleague) : IDisposable
{
    public static async Task<StudioClient> SignInAsync(BotHost host, string login = "ada") => new(await AgentClient.SignInAsync(host, login));

    public HttpClient Http => colleague.Http;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path)
    {
        using var response = await colleague.Http.GetAsync(new Uri("admin/api/" + path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>POSTs with the console's header, as the studio's page does.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/api/" + path, UriKind.Relative)) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add(AgentEndpoints.AgentHeader, AgentEndpoints.AgentHeaderValue);
        using var response = await colleague.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A prompt file as the studio lists it: its text and prompts.</summary>
    public async Task<JsonNode> PromptFileAsync(string file)
    {
        var (status, book) = await GetAsync("prompts");
        Assert.Equal(HttpStatusCode.OK, status);
        return book!["files"]!.AsArray().Single(f => (string?)f!["file"] == file)!;
    }

    public void Dispose() => colleague.Dispose();
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Transcripts;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// The real SupportBot web app (<see cref="SupportBotApp.Build"/>) on Kestrel at 127.0.0.1 and a free port, with its
/// SQLite file in a folder of its own and a real <see cref="HttpClient"/> pointed at it.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDirectory;

    private BotHost(WebApplication app, Uri baseAddress, string dataDirectory, TempDirectory? ownedDirectory)
    {
        App = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _ownedDirectory = ownedDirectory;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Wording = new PromptWording(app.Services.GetRequiredService<PromptSource>());
    }

    public WebApplication App { get; }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The folder of the app's SQLite file.</summary>
    public string DataDirectory { get; }

    public HttpClient Client { get; }

    /// <summary>The live prompt wording, to tell which prompt a reply is.</summary>
    public PromptWording Wording { get; }

    /// <summary>
    /// Starts the app. <paramref name="dataDirectory"/>: reuse a folder (it is then not deleted); otherwise a fresh
    /// one is made and deleted on dispose. <paramref name="settings"/>: configuration overrides such as
    /// <c>["Messages:MaxBodyBytes"] = "2048"</c>, given as command-line arguments like an operator would.
    /// <paramref name="services"/>: replacements such as a fake <see cref="TimeProvider"/>.
    /// </summary>
    public static async Task<BotHost> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var owned = dataDirectory is null ? new TempDirectory() : null;
        var directory = dataDirectory ?? owned!.Path;
        List<string> args = ["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", directory];
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.AddRange([$"--{key}", value]);
        }

        var app = SupportBotApp.Build(AppRoot.Find(), [.. args], builder =>
        {
            builder.Logging.ClearProviders();
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BotHost(app, new Uri(address.TrimEnd('/') + "/"), directory, owned);
    }

    /// <summary>POSTs <paramref name="activity"/> to <c>/api/messages</c> as <c>application/json</c>.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(JsonNode activity) =>
        PostRawAsync(activity.ToJsonString(), "application/json");

    /// <summary>POSTs any body, with any content type (null: no Content-Type header).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return Client.PostAsync("api/messages", content);
    }

    /// <summary>Sends an <c>expectReplies</c> activity, requires a 200 and returns the replies from the body.</summary>
    public async Task<IReadOnlyList<Activity>> ExpectRepliesAsync(JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected 200 for '{activity["text"]}' but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize(body, ActivityJson.Default.ExpectedReplies)!.Activities;
    }

    /// <summary>The stored transcript of a conversation, read through the app's own <see cref="ITranscriptStore"/>.</summary>
    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId) =>
        App.Services.GetRequiredService<ITranscriptStore>().GetTranscriptAsync(channelId, conversationId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _ownedDirectory?.Dispose();
    }
}

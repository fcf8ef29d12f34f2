using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Hosting;

/// <summary>Rate limits with Retry-After, security headers and the content security policy, and no secret in any log line.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task Conversation_SendingTooFast_Gets429WithRetryAfter_OthersCarryOn()
    {
        // The clock stands still inside one 10-second window, so however slowly the machine runs, the four
        // messages fall in the same window.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:20:01Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = await BotHost.StartAsync(
            settings: new Dictionary<string, string> { ["RateLimits:PerConversationPer10Seconds"] = "3" },
            services: s => s.AddSingleton<TimeProvider>(time));
        var busy = TestActivities.NewConversationId();
        for (var i = 0; i < 3; i++)
        {
            await host.ExpectRepliesAsync(TestActivities.Message(busy, "hi"));
        }

        var tooFast = TestActivities.Message(busy, "hello?");
        tooFast["deliveryMode"] = "expectReplies";
        using var refused = await host.PostActivityAsync(tooFast);
        var other = await host.ExpectRepliesAsync(TestActivities.Message(TestActivities.NewConversationId(), "hi"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.NotEmpty(other);
    }

    [Fact]
    public async Task ClientAddress_TooManyTokenRequests_Gets429WithRetryAfter()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["RateLimits:PerAddressPerMinute"] = "5" });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await host.Client.PostAsync("directline/token", null);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.True(last!.Headers.Contains("Retry-After"));
        last.Dispose();
    }

    [Fact]
    public async Task Pages_CarrySecurityHeadersAndAContentSecurityPolicy()
    {
        await using var host = await BotHost.StartAsync();

        using var page = await host.Client.GetAsync("/");
        using var json = await host.Client.GetAsync("/widget/config.json");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws: wss:", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("nosniff", json.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(json.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Secrets_NeverAppearInTheLogs_OfARunThatUsesThemAll()
    {
        await using var identity = await FakeIdentity.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        const string DirectLineSecret = "directline-secret-0123456789-abcdefghijklmnop";
        var settings = identity.Settings();
        foreach (var (key, value) in AgentClient.Accounts())
        {
            settings[key] = value;
        }

        settings["DirectLine:Secret"] = DirectLineSecret;
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
        await using (var host = await BotHost.StartAsync(settings: settings, services: s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            var conversationId = TestActivities.NewConversationId();
            var token = identity.Token(connector.ServiceUrl);
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(TestActivities.Message(conversationId, "my card 4111 1111 1111 1111 was charged twice", connector.ServiceUrl).ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", token);
            using var accepted = await host.Client.SendAsync(request);
            await connector.WaitForRequestsAsync(1);
            var directLine = new DirectLineClient(host);
            var (_, generated) = await directLine.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", DirectLineSecret, new JsonObject { ["user"] = new JsonObject { ["id"] = "u1" } });
            var (_, started) = await directLine.StartAsync(generated!["token"]!.GetValue<string>());
            using (var stream = await DirectLineClient.OpenStreamAsync(started!["streamUrl"]!.GetValue<string>()))
            {
                await stream.ReceiveUntilAsync(a => a["type"]!.GetValue<string>() == "message");
            }

            using var wrong = await host.Client.PostAsync("agent/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "alex", ["password"] = "not-the-password" }));
            using var alex = await AgentClient.SignInAsync(host, "alex");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

            var text = logs.Text;
            Assert.NotEmpty(text);
            foreach (var secret in new[] { FakeIdentity.AppPassword, identity.AccessToken, token, DirectLineSecret, generated!["token"]!.GetValue<string>(), AgentClient.Password, "not-the-password", AgentClient.PasswordHash, "4111 1111 1111 1111" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Keeps every log line written through the app's logging.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}

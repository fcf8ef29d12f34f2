using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Web.Agents;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Agents;

/// <summary>Password guessing on the console's sign-in form, and the anti-forgery header, over real HTTP.</summary>
public sealed class ConsoleSignInSecurityTests
{
    [Fact]
    public async Task WrongPasswords_LockTheName_WithAGrowingWait_EvenForTheRightPassword_UntilItPasses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts(), services: s => s.AddSingleton<TimeProvider>(time));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var free = new List<HttpStatusCode>();
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            free.Add(await SignInAsync(client, "alex", "wrong-" + i));
        }

        var sixth = await SignInAsync(client, "alex", "still wrong");
        using var locked = await PostAsync(client, "alex", AgentClient.Password);
        var firstWait = int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        time.Advance(TimeSpan.FromSeconds(firstWait + 1));
        var seventh = await SignInAsync(client, "alex", "wrong again");
        using var lockedLonger = await PostAsync(client, "alex", "anything");
        var secondWait = int.Parse(lockedLonger.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        time.Advance(TimeSpan.FromSeconds(secondWait + 1));
        var right = await SignInAsync(client, "alex", AgentClient.Password);

        Assert.All(free, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.Redirect, sixth); // counted, and now the name is locked
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode); // even the right password waits
        Assert.InRange(firstWait, 1, 30);
        Assert.Equal(HttpStatusCode.Redirect, seventh);
        Assert.True(secondWait > firstWait, $"the wait grows: {firstWait} s, then {secondWait} s");
        Assert.Equal(HttpStatusCode.Redirect, right);
    }

    [Fact]
    public async Task ConsoleChanges_NeedTheAgentHeaderWithItsValue()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");

        var statuses = new List<HttpStatusCode>();
        foreach (var value in new string?[] { null, "0", "yes", AgentEndpoints.AgentHeaderValue })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "agent/api/me/name") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "Alex M" }) };
            if (value is not null)
            {
                request.Headers.Add(AgentEndpoints.AgentHeader, value);
            }

            using var response = await alex.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses.Take(3));
        Assert.NotEqual(HttpStatusCode.Forbidden, statuses[3]);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoACopiedCookieNoLongerWorks_EvenAfterARestart()
    {
        using var data = new TempDirectory();
        string cookie;
        HttpStatusCode before, afterSignOut;
        await using (var host = await BotHost.StartAsync(data.Path, AgentClient.Accounts()))
        {
            using var alex = await AgentClient.SignInAsync(host, "alex");
            cookie = alex.Cookies.GetCookieHeader(host.BaseAddress);
            before = await MeWithCookieAsync(host, cookie);
            using var signOut = new HttpRequestMessage(HttpMethod.Post, "agent/signout");
            using var signedOut = await alex.Http.SendAsync(signOut);
            afterSignOut = await MeWithCookieAsync(host, cookie);
        }

        await using var restarted = await BotHost.StartAsync(data.Path, AgentClient.Accounts());
        var afterRestart = await MeWithCookieAsync(restarted, cookie);
        using var sam = await AgentClient.SignInAsync(restarted, "sam");
        var samCookie = sam.Cookies.GetCookieHeader(restarted.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRestart);
        Assert.Equal(HttpStatusCode.OK, await MeWithCookieAsync(restarted, samCookie));
    }

    private static async Task<HttpStatusCode> MeWithCookieAsync(BotHost host, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "agent/api/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string login, string password)
    {
        using var response = await PostAsync(client, login, password);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string login, string password) =>
        client.PostAsync("agent/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["password"] = password }));
}

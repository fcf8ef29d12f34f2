using System.Net;
using System.Security.Cryptography;
using System.Text;
using SupportBot.Core.Cases;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Web.Hosting;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Fulfilment;

/// <summary>
/// Dana's refund, the way a channel delivers it: every message with a <c>serviceUrl</c>, so the bot's replies (and
/// later, what it tells her of the refund) reach the <see cref="FakeConnector"/>; the refunds webhook is the
/// <see cref="FakeBusinessSystem"/>'s.
/// </summary>
internal static class RefundConversation
{
    public const string Secret = "refunds-webhook-secret-2d1f7c";

    public const string Asked = "I've asked our refunds team to return $42.50 to your original payment method, Dana. You'll get an email when it's done, usually within two working days, and I'll tell you here too.";

    public const string Done = "Your refund of $42.50 is on its way back to your original payment method, Dana; it usually shows within 3 to 5 working days.";

    private static readonly Lazy<PromptWording> Wording = new(() => new PromptWording(PromptSource.Load(Path.Combine(AppRoot.Find(), "dialogs"), SupportPrompts.Definitions)));

    /// <summary>Asserts the bot said <paramref name="done"/>, then asked whether that sorts it out (the close), and nothing else.</summary>
    public static void AssertDoneThenClose(string done, IReadOnlyList<string> said)
    {
        Assert.Equal(2, said.Count);
        AssertSaid(done, said[0]);
        Wording.Value.AssertIs(SupportPrompts.ConfirmResolved, said[1]);
    }

    /// <summary>
    /// Asserts <paramref name="said"/> is <paramref name="expected"/>, with Dana's name or without it (a line just
    /// before may have named her, <see cref="CaseVoice.NameEvery"/>).
    /// </summary>
    public static void AssertSaid(string expected, string said)
    {
        var forms = new[] { expected, CaseVoice.WithoutName(expected, "Dana") };
        Assert.True(forms.Contains(said), $"Expected \"{forms[0]}\" (or \"{forms[1]}\") but the bot said \"{said}\".");
    }

    /// <summary>Settings with the refunds webhook at <paramref name="business"/>, short clocks for the test, and agent accounts.</summary>
    public static Dictionary<string, string> Settings(FakeBusinessSystem business, double timeoutSeconds = 3)
    {
        var settings = AgentClient.Accounts();
        settings["Fulfilment:Webhooks:refunds:Url"] = business.Url("refunds");
        settings["Fulfilment:Webhooks:refunds:Secret"] = Secret;
        settings["Fulfilment:Webhooks:refunds:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Fulfilment:TurnBudgetSeconds"] = "1";
        settings["Fulfilment:FirstRetrySeconds"] = "0.2";
        settings["Fulfilment:CheckSeconds"] = "0.2";
        return settings;
    }

    /// <summary>The conversation up to choosing the refund; returns what the bot said in answer to "refund".</summary>
    public static async Task<IReadOnlyList<string>> AskAsync(HttpClient bot, FakeConnector connector, string conversationId)
    {
        foreach (var text in new[] { "hi", "I think I was charged twice for my last order", "$42.50", "last Tuesday", "nope" })
        {
            await PostAsync(bot, connector, conversationId, text);
        }

        var before = connector.Requests.Count;
        await PostAsync(bot, connector, conversationId, "refund");
        return [.. connector.Requests.Skip(before).Select(r => r.Text ?? string.Empty)];
    }

    public static async Task PostAsync(HttpClient bot, FakeConnector connector, string conversationId, string text)
    {
        using var content = new StringContent(TestActivities.Message(conversationId, text, connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await bot.PostAsync("api/messages", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{text}' got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>What the business system's side computes to check a request: the hex HMAC-SHA256 of the raw body.</summary>
    public static string Signature(byte[] body, string secret = Secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Waits until the connector got a message whose text starts with <paramref name="start"/>; returns the texts from it on.</summary>
    public static async Task<IReadOnlyList<string>> WaitForMessageAsync(FakeConnector connector, string start, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var texts = connector.Requests.Select(r => r.Text ?? string.Empty).ToList();
            var at = texts.FindIndex(t => t.StartsWith(start, StringComparison.Ordinal));
            if (at >= 0)
            {
                // The turn that says it may have more to say (the close): give it a moment to arrive too.
                await Task.Delay(300);
                return [.. connector.Requests.Select(r => r.Text ?? string.Empty).Skip(at)];
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No message starting \"{start}\" reached the connector; it got: {string.Join(" | ", texts)}");
            }

            await Task.Delay(50);
        }
    }
}

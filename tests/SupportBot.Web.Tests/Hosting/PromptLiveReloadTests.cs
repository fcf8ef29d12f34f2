using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Web.Hosting;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Hosting;

/// <summary>Editing <c>dialogs/</c> under a running bot: a bad edit is refused and reported, a good one goes live.</summary>
public sealed class PromptLiveReloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PromptEdit_BrokenThenFixed_OldWordingUntilFixedThenNewWording()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var settings = AgentClient.Accounts();
        settings["Prompts:Directory"] = prompts.Path;
        await using var host = await BotHost.StartAsync(settings: settings);
        var watcher = host.App.Services.GetRequiredService<PromptFileWatcher>();
        using var admin = await AgentClient.SignInAsync(host, "ada");
        using var agent = await AgentClient.SignInAsync(host, "alex");

        var brokenAt = string.Empty;
        var refused = await ReloadAfterAsync(watcher, () => brokenAt = prompts.ReplacePrompt(SupportPrompts.Welcome, "Hi {nmae}, what went wrong?"), errors => errors.Count > 0);
        var greetingWhileRefused = await GreetingAsync(host);
        var wasLastGoodWording = host.Wording.Matches(SupportPrompts.Welcome, greetingWhileRefused); // before the fix replaces it
        var health = await host.Client.GetStringAsync(new Uri("healthz", UriKind.Relative));
        var promptHealth = JsonNode.Parse(await admin.Http.GetStringAsync(new Uri("healthz/prompts", UriKind.Relative)))!;
        using var anonymous = await host.Client.GetAsync(new Uri("healthz/prompts", UriKind.Relative));
        using var notAdmin = await agent.Http.GetAsync(new Uri("healthz/prompts", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, notAdmin.StatusCode);
        var accepted = await ReloadAfterAsync(watcher, () => prompts.ReplacePrompt(SupportPrompts.Welcome, "Hey {name}, the new wording is live. What happened?"), errors => errors.Count == 0);
        var greetingAfterFix = await GreetingAsync(host);
        var healthAfterFix = await host.Client.GetStringAsync(new Uri("healthz", UriKind.Relative));

        var error = Assert.Single(refused);
        Assert.Equal(brokenAt, $"{error.File}:{error.Line}");
        Assert.True(wasLastGoodWording, $"Expected the last good greeting while the edit was refused, got \"{greetingWhileRefused}\"");
        Assert.DoesNotContain("nmae", greetingWhileRefused, StringComparison.Ordinal);
        Assert.StartsWith("ok; the last prompt edit was refused (1 error)", health, StringComparison.Ordinal);
        Assert.Contains($"{brokenAt}: Unknown variable '{{nmae}}'", health, StringComparison.Ordinal);
        Assert.True(promptHealth["lastEditRefused"]!.GetValue<bool>());
        Assert.Equal(error.Line, promptHealth["errors"]![0]!["line"]!.GetValue<int>());
        Assert.Empty(accepted);
        Assert.Equal("Hey Dana, the new wording is live. What happened?", greetingAfterFix);
        Assert.Equal("ok\n", healthAfterFix);
    }

    [Fact]
    public async Task AnswersEdit_BrokenThenNewAnswer_RefusedWithItsLineThenGivenToQuestionsWordedDifferently()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Prompts:Directory"] = prompts.Path });
        var watcher = host.App.Services.GetRequiredService<PromptFileWatcher>();
        var file = Path.Combine(prompts.Path, "catalog", "answers.yaml");
        var shipped = File.ReadAllText(file).TrimEnd() + "\n";
        var brokenLine = shipped.Split('\n').Length + 1;
        const string Answer = "Gift cards are on the website's gift card page.";

        var refused = await ReloadAfterAsync(watcher, () => File.WriteAllText(file, shipped + $"gift_cards:\n  txt: \"{Answer}\"\n  examples: [\"do you sell gift cards?\", \"can I buy a voucher for a friend\", \"are gift vouchers available\", \"where can I get a gift card\"]\n"), errors => errors.Count > 0);
        var whileRefused = await RepliesToQuestionAsync(host, "can I buy a gift card online?");
        var accepted = await ReloadAfterAsync(watcher, () => File.WriteAllText(file, shipped + $"gift_cards:\n  text: \"{Answer}\"\n  examples: [\"do you sell gift cards?\", \"can I buy a voucher for a friend\", \"are gift vouchers available\", \"where can I get a gift card\"]\n"), errors => errors.Count == 0);
        var afterFix = await RepliesToQuestionAsync(host, "can I buy a gift card online?");

        Assert.All(refused, e => Assert.Equal("dialogs/catalog/answers.yaml", e.File));
        Assert.Contains(refused, e => e.Line == brokenLine && e.Message.StartsWith("Unknown field 'txt' in the answer 'gift_cards'", StringComparison.Ordinal));
        Assert.DoesNotContain(Answer, whileRefused);
        Assert.Empty(accepted);
        Assert.Contains(Answer, afterFix);
    }

    [Fact]
    public void SupportBotApp_InvalidPromptFilesAtStartUp_RefusesToStartListingEveryError()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var at = prompts.ReplacePrompt(SupportPrompts.Welcome, "Sorry about that. Hello!");

        var thrown = Assert.Throws<PromptFilesInvalidException>(() => SupportBotApp.Build(AppRoot.Find(), ["--urls", "http://127.0.0.1:0", "--Prompts:Directory", prompts.Path]));

        Assert.Equal(2, thrown.Errors.Count);
        Assert.All(thrown.Errors, e => Assert.Equal(at, $"{e.File}:{e.Line}"));
        Assert.Contains($"{at}: 'test-greeting-welcome-1' apologizes without saying what for", thrown.Message, StringComparison.Ordinal);
        Assert.Contains($"{at}: 'test-greeting-welcome-1' greets without the customer's name", thrown.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> GreetingAsync(BotHost host)
    {
        var replies = await host.ExpectRepliesAsync(TestActivities.Message(TestActivities.NewConversationId(), "hi"));
        return Assert.Single(replies).Text;
    }

    private static async Task<IReadOnlyList<string?>> RepliesToQuestionAsync(BotHost host, string question)
    {
        var conversation = TestActivities.NewConversationId();
        await host.ExpectRepliesAsync(TestActivities.Message(conversation, "hi"));
        return [.. (await host.ExpectRepliesAsync(TestActivities.Message(conversation, question))).Select(r => r.Text)];
    }

    private static async Task<IReadOnlyList<PromptError>> ReloadAfterAsync(PromptFileWatcher watcher, Action edit, Func<IReadOnlyList<PromptError>, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await watcher.ReloadAfterAsync(edit, done, timeout.Token);
    }
}

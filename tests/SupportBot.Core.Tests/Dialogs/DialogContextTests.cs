using SupportBot.Core.Activities;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Dialogs;

public sealed class DialogContextTests
{
    /// <summary>A component whose "menu" waterfall replaces itself, runs a child dialog, or cancels everything.</summary>
    private sealed class MenuDialog : ComponentDialog
    {
        public MenuDialog()
            : base("menu")
        {
            AddDialog(new WaterfallDialog("main",
            [
                (step, ct) => step.PromptAsync("choice", new PromptOptions
                {
                    Prompt = Activity.CreateMessage("Pick: child, replace or cancel"),
                    Choices = [new Choice("child"), new Choice("replace"), new Choice("cancel")],
                }, ct),
                async (step, ct) => ((FoundChoice)step.Result!).Value switch
                {
                    "child" => await step.BeginDialogAsync("child", null, ct),
                    "replace" => await step.ReplaceDialogAsync("main", null, ct),
                    _ => await step.CancelAllDialogsAsync(ct),
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"child returned {step.Result}", ct);
                    return await step.EndDialogAsync("done", ct);
                },
            ]));
            AddDialog(new WaterfallDialog("child",
            [
                (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = Activity.CreateMessage("Child: sure?") }, ct),
                (step, ct) => step.EndDialogAsync(step.Result is true ? "yes" : "no", ct),
            ]));
            AddDialog(new ChoicePrompt("choice"));
            AddDialog(new ConfirmPrompt("confirm"));
            InitialDialogId = "main";
        }
    }

    [Fact]
    public async Task BeginDialog_ChildEnds_ParentResumesWithResult()
    {
        var bot = default(DialogBot);
        var adapter = TestBots.For((c, _) => bot = new DialogBot(new MenuDialog(), c));

        await new TestFlow(adapter)
            .Send("hi").AssertReply("Pick: child, replace or cancel")
            .Send("child").AssertReply("Child: sure?")
            .Send("yep").AssertReply("child returned yes")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, bot!.LastResult!.Status);
        Assert.Equal("done", bot.LastResult.Result);
    }

    [Fact]
    public async Task ReplaceDialog_RestartsWaterfallInPlace()
    {
        var adapter = TestBots.For((c, _) => new DialogBot(new MenuDialog(), c));

        await new TestFlow(adapter)
            .Send("hi").AssertReply("Pick: child, replace or cancel")
            .Send("replace").AssertReply("Pick: child, replace or cancel")
            .Send("child").AssertReply("Child: sure?")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelAllDialogs_EmptiesStack_NextMessageBeginsFresh()
    {
        var bot = default(DialogBot);
        var adapter = TestBots.For((c, _) => bot = new DialogBot(new MenuDialog(), c));

        await new TestFlow(adapter)
            .Send("hi").AssertReply("Pick: child, replace or cancel")
            .Send("cancel").AssertNoReply()
            .Then("the component ended", _ => Assert.Equal(DialogTurnStatus.Complete, bot!.LastResult!.Status))
            .Send("hello again").AssertReply("Pick: child, replace or cancel")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_UnknownId_ThrowsNamingIt()
    {
        var waterfall = new WaterfallDialog("w", [(step, ct) => step.BeginDialogAsync("nope", null, ct)]);
        var adapter = TestBots.For((c, _) => new DialogBot(waterfall, c));

        var error = await Assert.ThrowsAsync<TestFlowException>(() => new TestFlow(adapter).Send("x").StartTestAsync());

        Assert.Contains("'nope'", error.InnerException!.Message, StringComparison.Ordinal);
    }
}

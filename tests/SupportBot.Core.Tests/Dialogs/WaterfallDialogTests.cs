using SupportBot.Core.Activities;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.State;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    private sealed class Order
    {
        public string? Item { get; set; }

        public int Quantity { get; set; }
    }

    private static ComponentDialog OrderDialog()
    {
        var component = new ComponentDialog("order");
        component.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessage("What item?") }, ct),
            (step, ct) =>
            {
                step.GetState<Order>().Item = (string)step.Result!;
                return step.PromptAsync("number", new PromptOptions { Prompt = Activity.CreateMessage("How many?") }, ct);
            },
            async (step, ct) =>
            {
                var order = step.GetState<Order>();
                order.Quantity = (int)step.Result!;
                await step.Context.SendActivityAsync($"{order.Quantity} x {order.Item}", ct);
                return await step.NextAsync("skipped ahead", ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step {step.Index} got '{step.Result}'", ct);
                return await step.EndDialogAsync(step.GetState<Order>(), ct);
            },
        ]));
        component.AddDialog(new TextPrompt("text"));
        component.AddDialog(new NumberPrompt<int>("number"));
        return component;
    }

    [Fact]
    public async Task WaterfallDialog_StepsAcrossTurns_RunInOrderWithTypedState()
    {
        var adapter = TestBots.For((conversation, _) => new DialogBot(OrderDialog(), conversation));

        await new TestFlow(adapter)
            .Send("hello")
            .AssertReply("What item?")
            .Send("a kettle")
            .AssertReply("How many?")
            .Send("I'd like 3 please")
            .AssertReply("3 x a kettle")
            .AssertReply("step 3 got 'skipped ahead'")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_AfterRestart_ResumesAtSameStep()
    {
        var storage = new MemoryStorage();
        var conversationId = $"restart-{Guid.NewGuid():N}";
        await new TestFlow(TestBots.For((c, _) => new DialogBot(OrderDialog(), c), storage), conversationId)
            .Send("hello").AssertReply("What item?")
            .Send("a lamp").AssertReply("How many?")
            .StartTestAsync();

        var restarted = TestBots.For((c, _) => new DialogBot(OrderDialog(), c), storage);

        await new TestFlow(restarted, conversationId)
            .Send("2").AssertReply("2 x a lamp")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_LastStepEnds_NextMessageBeginsAgain()
    {
        var adapter = TestBots.For((conversation, _) => new DialogBot(OrderDialog(), conversation));

        await new TestFlow(adapter)
            .Send("hello").AssertReply("What item?")
            .Send("tea").AssertReply("How many?")
            .Send("1").AssertReply("1 x tea").AssertReply("step 3 got 'skipped ahead'")
            .Send("again").AssertReply("What item?")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallStepContext_NextCalledTwice_Throws()
    {
        var waterfall = new WaterfallDialog("twice",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]);
        var adapter = TestBots.For((conversation, _) => new DialogBot(waterfall, conversation));

        var error = await Assert.ThrowsAsync<TestFlowException>(() => new TestFlow(adapter).Send("go").StartTestAsync());

        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}

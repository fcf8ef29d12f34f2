using SupportBot.Core.Bot;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Testing;

/// <summary>The test kit's reply checks pass on the reply they describe and fail on any other.</summary>
public sealed class TestFlowTests
{
    private static readonly string[] Welcome = ["Hi {name}, thanks for reaching out. What went wrong?", "Hello {name}, I'm here to help."];

    [Fact]
    public async Task AssertReplyOneOf_ReplyIsAVariantWithItsVariableFilled_Passes()
    {
        await Flow("Hello Dana, I'm here to help.").Send("hi").AssertReplyOneOf(Welcome).StartTestAsync();
    }

    [Theory]
    [InlineData("Hello Dana, I'm here to help. Anything else?")]
    [InlineData("Hello, I'm here to help.")]
    [InlineData("What went wrong?")]
    public async Task AssertReplyOneOf_ReplyIsNoVariant_Fails(string reply)
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() => Flow(reply).Send("hi").AssertReplyOneOf(Welcome).StartTestAsync());

        Assert.Contains(reply, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertReplyContains_TextPresent_Passes()
    {
        await Flow("Done, Kim: your account unlocked.").Send("1").AssertReplyContains("account unlocked").StartTestAsync();
    }

    [Fact]
    public async Task AssertReplyContains_TextAbsent_Fails()
    {
        await Assert.ThrowsAsync<TestFlowException>(() => Flow("Done, Kim: a credit.").Send("1").AssertReplyContains("account unlocked").StartTestAsync());
    }

    private static TestFlow Flow(string reply) => new(TestBots.For((_, _) => new FixedReplyBot(reply)));

    private sealed class FixedReplyBot(string reply) : IBot
    {
        public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
            await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}

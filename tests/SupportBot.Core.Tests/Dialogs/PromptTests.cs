using SupportBot.Core.Activities;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Dialogs;

public sealed class PromptTests
{
    private static readonly Choice[] Categories =
    [
        new("delivery") { Synonyms = ["shipping", "parcel"] },
        new("defect") { Synonyms = ["broken"] },
        new("billing") { Synonyms = ["charge", "invoice"] },
        new("other"),
    ];

    /// <summary>A waterfall that asks with <paramref name="prompt"/> and echoes what it got (or that it gave up).</summary>
    private static TestFlow Flow(Dialog prompt, PromptOptions options)
    {
        var waterfall = new WaterfallDialog("ask",
        [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                var text = step.Result switch
                {
                    FoundChoice choice => $"picked {choice.Value} (#{choice.Index + 1})",
                    PromptGaveUp gaveUp => $"gave up after {gaveUp.Attempts}",
                    var value => $"got {value}",
                };
                await step.Context.SendActivityAsync(text, ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]);
        var component = new ComponentDialog("root");
        component.AddDialog(waterfall);
        component.AddDialog(prompt);
        return new TestFlow(TestBots.For((c, _) => new DialogBot(component, c)));
    }

    private static PromptOptions ChoiceOptions() => new()
    {
        Prompt = Activity.CreateMessage("Which is closest?"),
        RetryPrompt = Activity.CreateMessage("Please pick one of the four."),
        Choices = Categories,
    };

    [Theory]
    [InlineData("2", "defect")]
    [InlineData("#3", "billing")]
    [InlineData("option 1", "delivery")]
    [InlineData("the second one", "defect")]
    [InlineData("last", "other")]
    [InlineData("Billing", "billing")]
    [InlineData("  DELIVERY. ", "delivery")]
    [InlineData("shipping", "delivery")]
    [InlineData("it's about the invoice you sent", "billing")]
    [InlineData("ok the first one please", "delivery")]
    [InlineData("1 I guess, as long as it's the right one this time", "delivery")]
    [InlineData("2 - how soon?", "defect")]
    [InlineData("the invoice is what's wrong, so the fourth one please", "other")]
    [InlineData("option 3 sounds best", "billing")]
    [InlineData("yeah i'll take the second", "defect")]
    [InlineData("4. the duplicate £24.50 back, thats ALL i want", "other")]
    [InlineData("ugh. 1 I guess", "delivery")]
    [InlineData("meh, the second one", "defect")]
    public async Task ChoicePrompt_Answer_ReturnsChoice(string answer, string expected)
    {
        await Flow(new ChoicePrompt("choice"), ChoiceOptions())
            .Send("start").AssertReply("Which is closest?")
            .Send(answer).AssertReply($"picked {expected} (#{Array.FindIndex(Categories, c => c.Value == expected) + 1})")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("refund the second one obviously", "refund")]
    [InlineData("the second one, the credit", "credit")]
    [InlineData("a refund, so the second one please", "credit")]
    [InlineData("the second one please", "credit")]
    [InlineData("1 I guess, a credit is fine", "refund")]
    [InlineData("1 ig", "refund")]
    [InlineData("2 tbh", "credit")]
    public void Recognize_PositionAgainstANamedChoice_TheNamedOneWins(string answer, string expected)
    {
        Choice[] remedies = [new("refund") { Title = "A refund of the duplicate charge", Synonyms = ["refund"] }, new("credit") { Title = "A credit on your account", Synonyms = ["credit"] }];

        Assert.Equal(expected, ChoiceRecognizer.Recognize(answer, remedies)?.Value);
    }

    [Theory]
    [InlineData("actually no, can i have a refund instead", "refund")]
    [InlineData("no thanks", "something_else")]
    [InlineData("no", "something_else")]
    public void Recognize_BareNoInALongerAnswer_NamesOnlyWhenNothingElseIs(string answer, string expected)
    {
        Choice[] remedies = [new("refund") { Synonyms = ["refund"] }, new("credit") { Synonyms = ["credit"] }, new("something_else") { Synonyms = ["no", "none"] }];

        Assert.Equal(expected, ChoiceRecognizer.Recognize(answer, remedies)?.Value);
    }

    [Theory]
    [InlineData("the colleague one", "restore")]
    [InlineData("colleague", "restore")]
    [InlineData("the email thing", "reset")]
    [InlineData("credit please", "credit")]
    [InlineData("not the colleague", null)]
    [InlineData("link colleague", null)]
    [InlineData("i already spoke to a colleague and got nowhere", null)]
    public void Recognize_ShortAnswerByAWordOnlyOneTitleHas_PicksIt(string answer, string? expected)
    {
        Choice[] remedies =
        [
            new("reset") { Title = "A secure link by email to reset your password" },
            new("restore") { Title = "A colleague to check it's you and restore your access" },
            new("credit") { Title = "A credit on your account for the trouble", Synonyms = ["credit"] },
            new("something_else") { Title = "Something else" },
        ];

        Assert.Equal(expected, ChoiceRecognizer.Recognize(answer, remedies)?.Value);
    }

    [Theory]
    [InlineData("refund me and cancel it", "refund,cancel")]
    [InlineData("cancel it and give me my money back", "refund,cancel")]
    [InlineData("just refund the delivery", "delivery_refund")]
    [InlineData("refund the delivery and also cancel my subscription", "delivery_refund,cancel")]
    [InlineData("a refund, I don't want to cancel", "refund")]
    [InlineData("the engineer did not show up so refund me", "refund")]
    [InlineData("2", "")]
    public void NamedApart_NamesInDifferentPlaces_AreEachFound(string answer, string expected)
    {
        Choice[] remedies =
        [
            new("refund") { Synonyms = ["refund", "money back", "refund me"] },
            new("delivery_refund") { Synonyms = ["refund the delivery"] },
            new("cancel") { Synonyms = ["cancel", "cancel it"] },
            new("engineer") { Synonyms = ["engineer"] },
        ];

        var named = ChoiceRecognizer.NamedApart(answer, remedies, wished: 2);

        Assert.Equal(expected, string.Join(',', named.Select(i => remedies[i].Value)));
    }

    [Theory]
    [InlineData("just refund the delivery", "delivery_refund")]
    [InlineData("I want a refund", "refund")]
    [InlineData("I don't want a refund, just refund the delivery", "delivery_refund")]
    [InlineData("no, refund me", "refund")]
    public async Task ChoicePrompt_WordsOfTwoChoices_TheLongestMatchWins(string answer, string expected)
    {
        Choice[] remedies = [new("refund") { Synonyms = ["refund", "money back"] }, new("delivery_refund") { Synonyms = ["refund the delivery"] }];
        var options = ChoiceOptions() with { Choices = remedies };

        await Flow(new ChoicePrompt("choice"), options)
            .Send("start").AssertReply("Which is closest?")
            .Send(answer).AssertReply($"picked {expected} (#{Array.FindIndex(remedies, c => c.Value == expected) + 1})")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_Prompt_OffersChoicesAsSuggestedActions()
    {
        await Flow(new ChoicePrompt("choice"), ChoiceOptions())
            .Send("start")
            .AssertReply(reply =>
            {
                Assert.Equal("Which is closest?", reply.Text);
                Assert.Equal(["delivery", "defect", "billing", "other"], reply.SuggestedActions!.Actions.Select(a => a.Title));
                Assert.All(reply.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("5")]
    [InlineData("banana")]
    [InlineData("delivery or billing")]
    [InlineData("3 days late and nobody answers")]
    [InlineData("2-3 days late")]
    [InlineData("I don't want billing")]
    [InlineData("the first time it happened")]
    [InlineData("the first one or the second one, not sure")]
    public async Task ChoicePrompt_UnrecognizedAnswer_SendsRetryPromptWithChoices(string answer)
    {
        await Flow(new ChoicePrompt("choice"), ChoiceOptions())
            .Send("start").AssertReply("Which is closest?")
            .Send(answer)
            .AssertReply(reply =>
            {
                Assert.Equal("Please pick one of the four.", reply.Text);
                Assert.Equal(4, reply.SuggestedActions!.Actions.Count);
            })
            .Send("4").AssertReply("picked other (#4)")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_MaxAttemptsUsedUp_EndsWithGaveUp()
    {
        await Flow(new ChoicePrompt("choice") { MaxAttempts = 2 }, ChoiceOptions())
            .Send("start").AssertReply("Which is closest?")
            .Send("what?").AssertReply("Please pick one of the four.")
            .Send("no idea").AssertReply("gave up after 2")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes please", true)]
    [InlineData("yeah", true)]
    [InlineData("yep!", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("of course", true)]
    [InlineData("go ahead", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("no thanks", false)]
    [InlineData("not really", false)]
    [InlineData("nah", false)]
    [InlineData("No.", false)]
    [InlineData("fine whatever", false)]
    [InlineData("Fine, no", false)]
    [InlineData("ok no", false)]
    [InlineData("ok, no problem", true)]
    [InlineData("yes, no rush", true)]
    [InlineData("yes I don't mind", true)]
    [InlineData("thanks!", true)]
    [InlineData("great, got it", true)]
    [InlineData("oh, ok then yes please", true)]
    [InlineData("hmm no", false)]
    public async Task ConfirmPrompt_CommonForms_Recognized(string answer, bool expected)
    {
        await Flow(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = Activity.CreateMessage("Shall I?") })
            .Send("start").AssertReply(r => Assert.Equal(["Yes", "No"], r.SuggestedActions!.Actions.Select(a => a.Title)))
            .Send(answer).AssertReply($"got {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_Unclear_RepromptsWithRetry()
    {
        await Flow(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = Activity.CreateMessage("Shall I?"), RetryPrompt = Activity.CreateMessage("Yes or no?") })
            .Send("start").AssertReply("Shall I?")
            .Send("maybe later").AssertReply("Yes or no?")
            .Send("y").AssertReply("got True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("about 1,250 dollars", 1250)]
    [InlineData("twelve", 12)]
    [InlineData("0", 0)]
    public async Task NumberPrompt_Answer_ReturnsNumber(string answer, int expected)
    {
        await Flow(new NumberPrompt<int>("number"), new PromptOptions { Prompt = Activity.CreateMessage("How many?") })
            .Send("start").AssertReply("How many?")
            .Send(answer).AssertReply($"got {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_NoNumber_RepromptsWithPrompt()
    {
        await Flow(new NumberPrompt<decimal>("number"), new PromptOptions { Prompt = Activity.CreateMessage("How much?") })
            .Send("start").AssertReply("How much?")
            .Send("lots").AssertReply("How much?")
            .Send("19.99").AssertReply("got 19.99")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_Rejects_ItsOwnMessageReplacesRetryPrompt()
    {
        var prompt = new NumberPrompt<int>("number", async (context, ct) =>
        {
            if (context.Recognized.Succeeded && context.Recognized.Value is >= 1 and <= 5)
            {
                return true;
            }

            await context.Context.SendActivityAsync($"Between 1 and 5, please (try {context.AttemptCount}).", ct);
            return false;
        });

        await Flow(prompt, new PromptOptions { Prompt = Activity.CreateMessage("Rate us 1-5"), RetryPrompt = Activity.CreateMessage("unused") })
            .Send("start").AssertReply("Rate us 1-5")
            .Send("9").AssertReply("Between 1 and 5, please (try 1).").AssertNoReply()
            .Send("4").AssertReply("got 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_BlankMessage_Reprompts()
    {
        await Flow(new TextPrompt("text"), new PromptOptions { Prompt = Activity.CreateMessage("What happened?") })
            .Send("start").AssertReply("What happened?")
            .Send("   ").AssertReply("What happened?")
            .Send("it broke").AssertReply("got it broke")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_NonMessageActivity_KeepsWaiting()
    {
        await Flow(new TextPrompt("text"), new PromptOptions { Prompt = Activity.CreateMessage("What happened?") })
            .Send("start").AssertReply("What happened?")
            .Send(new Activity { Type = ActivityTypes.Typing }).AssertNoReply()
            .Send("it broke").AssertReply("got it broke")
            .StartTestAsync();
    }
}

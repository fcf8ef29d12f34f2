using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// "What happened?": the customer tells the problem in their own words; the bot acknowledges the feeling before the
/// problem, then works out the category, asking only when unsure (the likeliest few as buttons, any in words).
/// A customer who asked for a person first is asked once what it is about, in a line. Ends with a
/// <see cref="HandoffRequest"/> when the case must go to a person (a follow-up on a case a colleague has, a request
/// for a person, or no usable answer).
/// </summary>
public sealed class ComplaintDialog : CaseDialog
{
    private readonly SupportServices _services;

    public ComplaintDialog(SupportServices services)
        : base(nameof(ComplaintDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AskWhatHappenedAsync, AcknowledgeAsync, TakeCategoryAsync);

        // The likeliest categories are the buttons; an answer in words may name any category, shown or not.
        AddDialog(new ChoicePrompt(CategoryPrompt, RecognizeCategoryAsync) { MaxAttempts = services.Options.MaxAttempts });
    }

    /// <summary>
    /// A button, or words that name any category. "I already told you" is answered rather than met with "I didn't
    /// catch that": the bot says what it has and why it still asks, with the same buttons.
    /// </summary>
    private async Task<bool> RecognizeCategoryAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Context.Activity.Text;
        if (prompt.Recognized.Succeeded || _services.CategoryInWords(text) is not null)
        {
            return true;
        }

        if (AlreadyToldReader.OnlyReminds(text) && prompt.Options.Choices is { } choices)
        {
            var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
            var line = Voice.Line(prompt.Context, SupportServices.SayingBack(SupportPrompts.CategoryAlreadyTold, supportCase), supportCase);
            var buttons = new SuggestedActions { Actions = [.. choices.Select(c => CardAction.ImBack(c.Title ?? c.Value))] };
            await prompt.Context.SendActivityAsync(line with { SuggestedActions = buttons, InputHint = InputHints.ExpectingInput }, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private const string CategoryPrompt = "category";

    private async Task<DialogTurnResult> AskWhatHappenedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var start = step.GetOptions<ComplaintStart>() ?? new ComplaintStart();
        if (start.Complaint is { } told)
        {
            return await step.NextAsync(told, cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (start.WantsPerson)
        {
            // "Agent please" before anything else: a person it is; one line on what it's about lets them start straight away.
            supportCase.AskedForPersonFirst = true;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, HandoffPrompts.AskTopic, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (start.GreetedBack)
        {
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.GreetedBack, supportCase), cancellationToken).ConfigureAwait(false);
        }

        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var prompt = supportCase.FollowsOpenCase && profile.OpenCase is { } open
            ? Voice.Ask(step.Context, SupportPrompts.OpenCaseUpdate, supportCase, ("open_case", open.Problem))
            : Voice.Ask(step.Context, supportCase.NameAsked ? SupportPrompts.WhatHappened : profile.Cases > 0 ? SupportPrompts.WelcomeBack : SupportPrompts.Welcome, supportCase);
        return await step.PromptAsync(Text, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AcknowledgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string complaint)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        if (InterruptionRecognizer.OnlyGreets(complaint) && step.GetOptions<ComplaintStart>() is not { GreetedBack: true })
        {
            // "hi" after the bot's greeting is a greeting back, not the problem: greet them and ask again.
            return await step.ReplaceDialogAsync(StepsId, new ComplaintStart(GreetedBack: true), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var wantsPerson = step.GetOptions<ComplaintStart>() is { WantsPerson: true };
        if (wantsPerson && ComplaintReader.DeclinesToSay(complaint))
        {
            // "Just get me a person": no brief to show; the colleague will ask.
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        supportCase.Complaint = PiiMasker.Mask(complaint);
        await _services.ReadMoodAsync(supportCase, complaint, cancellationToken).ConfigureAwait(false);
        if (supportCase.FollowsOpenCase)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.OpenCaseFollowUp), cancellationToken).ConfigureAwait(false);
        }

        supportCase.Mirrored = ComplaintReader.Mirror(supportCase.Complaint);
        await _services.TakeAmountsAsync(step.Context, supportCase, complaint, cancellationToken).ConfigureAwait(false);
        // One reading of the complaint answers both: whether they ask for a person, and its category.
        var reading = _services.Reader?.Read(complaint);
        var category = _services.ClearCategory(complaint, reading);
        var question = _services.AsksQuestion(complaint, reading, category, supportCase.Moods[^1]);
        if (question && supportCase.Moods[^1].Heat <= 1)
        {
            // A calm or mildly bothered question needs no empathy for a problem, just a word that it was heard.
            await Voice.SayFreshAsync(step.Context, SupportPrompts.QuestionAcknowledge, supportCase, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Voice.EmpathizeAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);
        }

        if (wantsPerson)
        {
            // They told it in the line asked for: filed under its category when clear, and no brief to review but that line.
            _services.SetCategory(supportCase, category);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked, Review: false), cancellationToken).ConfigureAwait(false);
        }

        if (reading?.WantsPerson ?? PersonRequestRecognizer.AsksForPerson(complaint))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        if ((question ? SupportCatalog.Question : category) is { } clear)
        {
            _services.SetCategory(supportCase, clear);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.CategoryAsked = true;
        var options = Voice.Ask(step.Context, SupportPrompts.CategoryAsk, supportCase) with
        {
            RetryPrompt = Voice.Line(step.Context, SupportPrompts.CategoryRetry, supportCase),
            Choices = [.. _services.LikelyCategories(complaint, reading).Select(c => new Choice(c.Id) { Title = c.Title, Synonyms = c.Keywords })],
        };
        return await step.PromptAsync(CategoryPrompt, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeCategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var picked = step.Result is FoundChoice choice ? choice.Value : step.Result is PromptGaveUp ? null : _services.CategoryInWords(step.Context.Activity.Text);
        if (picked is null)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        _services.SetCategory(supportCase, picked);

        // Picked in their own words ("the mail app on my mac"): those words may already answer what comes next.
        var words = step.Context.Activity.Text?.Trim();
        if (ComplaintReader.IsMirrorable(words) && !string.Equals(words, supportCase.CategoryTitle, StringComparison.OrdinalIgnoreCase))
        {
            supportCase.Answers.Add(new ClarifyingAnswer("category", "Which of these is closest to the problem?", PiiMasker.Mask(words)));
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

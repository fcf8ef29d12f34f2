using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>
/// "What happened?": the customer tells the problem in their own words; the bot acknowledges the feeling before the
/// problem, then works out the category, asking only when unsure. Ends with a <see cref="HandoffRequest"/> when the
/// case must go to a person (a follow-up on a case a colleague has, or no usable answer).
/// </summary>
public sealed class ComplaintDialog : CaseDialog
{
    private readonly SupportServices _services;

    public ComplaintDialog(SupportServices services)
        : base(nameof(ComplaintDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AskWhatHappenedAsync, AcknowledgeAsync, TakeCategoryAsync);
    }

    private async Task<DialogTurnResult> AskWhatHappenedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var start = step.GetOptions<ComplaintStart>() ?? new ComplaintStart();
        if (start.Complaint is { } told)
        {
            return await step.NextAsync(told, cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
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
        if (question && supportCase.Moods[^1].NegativeIntensity < EmpathyPicker.ModerateFrom)
        {
            // A calm question needs no empathy for a problem ("cancel" alone reads a little negative), just a word that it was heard.
            await Voice.SayFreshAsync(step.Context, SupportPrompts.QuestionAcknowledge, supportCase, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Voice.EmpathizeAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);
        }

        if (reading?.WantsPerson ?? PersonRequestRecognizer.AsksForPerson(complaint))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        var catalog = _services.Catalog;
        if ((question ? SupportCatalog.Question : category) is { } clear)
        {
            _services.SetCategory(supportCase, clear);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.CategoryAsked = true;
        var options = Voice.Ask(step.Context, SupportPrompts.CategoryAsk, supportCase) with
        {
            RetryPrompt = Voice.Line(step.Context, SupportPrompts.CategoryRetry, supportCase),
            Choices = [.. catalog.Categories.Select(c => new Choice(c.Id) { Title = c.Title, Synonyms = c.Keywords })],
        };
        return await step.PromptAsync(Choose, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeCategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        _services.SetCategory(supportCase, choice.Value);

        // Picked in their own words ("the mail app on my mac"): those words may already answer what comes next.
        var words = step.Context.Activity.Text?.Trim();
        if (ComplaintReader.IsMirrorable(words) && !string.Equals(words, supportCase.CategoryTitle, StringComparison.OrdinalIgnoreCase))
        {
            supportCase.Answers.Add(new ClarifyingAnswer("category", "Which of these is closest to the problem?", PiiMasker.Mask(words)));
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

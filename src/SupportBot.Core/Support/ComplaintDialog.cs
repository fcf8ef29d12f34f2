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
public sealed class ComplaintDialog : ComponentDialog
{
    private const string Steps = "complaint.steps";
    private const string Text = nameof(TextPrompt);
    private const string Choose = nameof(ChoicePrompt);
    private readonly SupportServices _services;

    public ComplaintDialog(SupportServices services)
        : base(nameof(ComplaintDialog))
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        AddDialog(new WaterfallDialog(Steps, [AskWhatHappenedAsync, AcknowledgeAsync, TakeCategoryAsync]));
        AddDialog(new TextPrompt(Text) { MaxAttempts = services.Options.MaxAttempts });
        AddDialog(new ChoicePrompt(Choose) { MaxAttempts = services.Options.MaxAttempts });
    }

    private async Task<DialogTurnResult> AskWhatHappenedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await _services.Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var profile = await _services.Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var voice = _services.Voice;
        var prompt = supportCase.FollowsOpenCase && profile.OpenCase is { } open
            ? voice.Ask(step.Context, SupportPrompts.OpenCaseUpdate, supportCase, ("open_case", open.Problem))
            : voice.Ask(step.Context, supportCase.NameAsked ? SupportPrompts.WhatHappened : profile.Cases > 0 ? SupportPrompts.WelcomeBack : SupportPrompts.Welcome, supportCase);
        return await step.PromptAsync(Text, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AcknowledgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string complaint)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await _services.Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        supportCase.Complaint = PiiMasker.Mask(complaint);
        await _services.ReadMoodAsync(supportCase, complaint, cancellationToken).ConfigureAwait(false);
        if (supportCase.FollowsOpenCase)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.OpenCaseFollowUp), cancellationToken).ConfigureAwait(false);
        }

        supportCase.Mirrored = ComplaintReader.Mirror(supportCase.Complaint);
        supportCase.Amount = ComplaintReader.Amount(complaint);
        await _services.Voice.EmpathizeAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);

        var catalog = _services.Catalog;
        if (CategoryClassifier.Classify(complaint, catalog) is { } category)
        {
            _services.SetCategory(supportCase, category);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.CategoryAsked = true;
        var options = _services.Voice.Ask(step.Context, SupportPrompts.CategoryAsk, supportCase) with
        {
            RetryPrompt = _services.Voice.Line(step.Context, SupportPrompts.CategoryRetry, supportCase),
            Choices = [.. catalog.Categories.Select(c => new Choice(c.Id) { Title = c.Title })],
        };
        return await step.PromptAsync(Choose, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeCategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await _services.Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        _services.SetCategory(supportCase, choice.Value);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

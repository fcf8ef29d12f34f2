using SupportBot.Core.Activities;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>
/// The support conversation: greet by name (asking once when unknown, reminding a returning customer of an open
/// case), let them tell what happened, acknowledge the feeling before the problem, understand the category (asking
/// only when unsure), ask the category's clarifying questions that are still open, peel the layers ("is anything
/// else bothering you?"), offer remedies from the catalog in the customer's best interest, grant one or hand over
/// for approval, then confirm, ask for a rating and thank them. "Help", "start over" and "talk to a person" work at
/// any step; rising frustration or a question that keeps failing hands over to a person with a full summary.
/// </summary>
public sealed class SupportDialog : ComponentDialog
{
    private const string Main = "support";
    private const string Clarify = "clarify";
    private const string Layers = "layers";
    private const string Close = "close";
    private const string Callback = "callback";
    private const string CheckIn = "followup";
    private const string Review = "review";
    private const string Text = nameof(TextPrompt);
    private const string Choose = nameof(ChoicePrompt);
    private const string Confirm = nameof(ConfirmPrompt);
    private const string SomethingElseId = "something_else";
    private readonly SupportServices _services;

    public SupportDialog(SupportServices services)
        : base(nameof(SupportDialog))
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        AddDialog(new WaterfallDialog(Main,
        [
            EnsureNameAsync, CheckOpenCaseAsync, AskWhatHappenedAsync, AcknowledgeAsync, ClarifyAsync, PeelLayersAsync,
            OfferRemedyAsync, ChooseRemedyAsync, GrantOrHandOverAsync, AskRatingAsync, ThankAsync,
        ]));
        AddDialog(new WaterfallDialog(Clarify, [AskNextQuestionAsync, RecordAnswerAsync]));
        AddDialog(new WaterfallDialog(Layers, [AskAnythingElseAsync, RecordUnderlyingIssueAsync]));
        AddDialog(new WaterfallDialog(Close, [ConfirmResolvedAsync, AskRatingAsync, ThankAsync]));
        AddDialog(new WaterfallDialog(Callback, [AskCallbackAsync, TakeCallbackAsync]));
        AddDialog(new WaterfallDialog(CheckIn, [AskFollowUpAsync, FollowUpAnsweredAsync]));
        AddDialog(new WaterfallDialog(Review, [ShowBriefAsync, HandOverReviewedAsync]));
        var attempts = services.Options.MaxAttempts;
        AddDialog(new TextPrompt(Text) { MaxAttempts = attempts });
        AddDialog(new ChoicePrompt(Choose) { MaxAttempts = attempts });
        AddDialog(new ConfirmPrompt(Confirm) { MaxAttempts = attempts });
        InitialDialogId = Main;
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken) =>
        await OnDeskEventAsync(innerDc, cancellationToken).ConfigureAwait(false)
        ?? await base.OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (await OnDeskEventAsync(innerDc, cancellationToken).ConfigureAwait(false) is { } handled)
        {
            return handled;
        }

        var context = innerDc.Context;
        if (context.Activity.Type != ActivityTypes.Message || FindCase(innerDc) is not { } supportCase)
        {
            return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        switch (InterruptionRecognizer.Recognize(context.Activity.Text))
        {
            case Interruption.Help:
                await SayAsync(innerDc, SupportPrompts.Help, supportCase, cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case Interruption.StartOver:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await SayAsync(innerDc, SupportPrompts.StartOver, supportCase, cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(Main, null, cancellationToken).ConfigureAwait(false);
            case Interruption.AskForPerson:
                return await HandOverAsync(innerDc, supportCase, HandoffReason.CustomerAsked, null, cancellationToken).ConfigureAwait(false);
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }
    }

    // 1. Greeting by name: the channel's name, else the remembered one, else ask once.
    private async Task<DialogTurnResult> EnsureNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        var profile = await _services.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        supportCase.CaseId = $"case-{step.Context.TimeProvider.GetUtcNow():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";
        supportCase.OpenedAt = step.Context.TimeProvider.GetUtcNow();
        supportCase.FullName = CustomerName(step.Context.Activity) ?? profile.Name;
        supportCase.FirstName = FirstName(supportCase.FullName);
        if (supportCase.FullName is not null)
        {
            profile.Name = supportCase.FullName;
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(Text, Ask(step, SupportPrompts.AskName, supportCase), cancellationToken).ConfigureAwait(false);
    }

    // A returning customer with a case still open is reminded of it instead of starting from zero.
    private async Task<DialogTurnResult> CheckOpenCaseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        var profile = await _services.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (step.Result is string answer && ComplaintReader.NameFrom(answer) is { } name)
        {
            supportCase.FullName = profile.Name = name;
            supportCase.FirstName = FirstName(name);
            supportCase.UsedPromptIds.Add("asked-name");
        }

        if (profile.OpenCase is { } open)
        {
            var prompt = Ask(step, SupportPrompts.WelcomeBackOpenCase, supportCase, ("open_case", open.Problem));
            return await step.PromptAsync(Confirm, prompt, cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    // 2. "What happened?": the customer tells the problem in their own words.
    private async Task<DialogTurnResult> AskWhatHappenedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        var profile = await _services.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        string key;
        (string, string?)? openCase = null;
        if (step.Result is true && profile.OpenCase is { } open)
        {
            supportCase.FollowsOpenCase = true;
            supportCase.CaseId = open.CaseId;
            supportCase.Category = open.Category;
            key = SupportPrompts.OpenCaseUpdate;
            openCase = ("open_case", open.Problem);
        }
        else
        {
            key = supportCase.UsedPromptIds.Remove("asked-name") ? SupportPrompts.WhatHappened
                : profile.Cases > 0 ? SupportPrompts.WelcomeBack : SupportPrompts.Welcome;
        }

        var prompt = openCase is { } variable ? Ask(step, key, supportCase, variable) : Ask(step, key, supportCase);
        return await step.PromptAsync(Text, prompt, cancellationToken).ConfigureAwait(false);
    }

    // 3. Empathy before problem-solving, then 4. understanding the issue (asking only when unsure).
    private async Task<DialogTurnResult> AcknowledgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is not string complaint)
        {
            return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.NotUnderstood, null, cancellationToken).ConfigureAwait(false);
        }

        if (supportCase.FollowsOpenCase)
        {
            supportCase.Complaint = complaint;
            await ReadMoodAsync(supportCase, complaint, cancellationToken).ConfigureAwait(false);
            return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.OpenCaseFollowUp, null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.Complaint = complaint;
        supportCase.Mirrored = ComplaintReader.Mirror(complaint);
        supportCase.Amount = ComplaintReader.Amount(complaint);
        await ReadMoodAsync(supportCase, complaint, cancellationToken).ConfigureAwait(false);
        await EmpathizeAsync(step.DialogContext, supportCase, cancellationToken).ConfigureAwait(false);

        var catalog = _services.Catalog;
        supportCase.Category = CategoryClassifier.Classify(complaint, catalog);
        if (supportCase.Category is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.CategoryAsked = true;
        var options = Ask(step, SupportPrompts.CategoryAsk, supportCase) with
        {
            RetryPrompt = Say(step.DialogContext, SupportPrompts.CategoryRetry, supportCase),
            Choices = [.. catalog.Categories.Select(c => new Choice(c.Id) { Title = c.Title })],
        };
        return await step.PromptAsync(Choose, options, cancellationToken).ConfigureAwait(false);
    }

    // 5. Clarifying questions: the category's questions not yet answered.
    private async Task<DialogTurnResult> ClarifyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        switch (step.Result)
        {
            case PromptGaveUp:
                return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.NotUnderstood, null, cancellationToken).ConfigureAwait(false);
            case FoundChoice choice:
                supportCase.Category = choice.Value;
                break;
        }

        return await step.BeginDialogAsync(Clarify, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskNextQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = Case(step.DialogContext);
        var category = _services.Catalog.Category(supportCase.Category ?? SupportCatalog.Other);
        foreach (var question in category.Questions.Where(q => supportCase.Answers.All(a => a.QuestionId != q)))
        {
            if (ComplaintReader.Answers(question, supportCase.AllText()))
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(supportCase.AllText())));
                continue;
            }

            step.GetState<PendingQuestion>().Id = question;
            return await step.PromptAsync(Text, Ask(step, SupportPrompts.Question(question), supportCase), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = Case(step.DialogContext);
        if (step.Result is not string answer)
        {
            return await step.EndDialogAsync(HandoffReason.NotUnderstood, cancellationToken).ConfigureAwait(false);
        }

        var question = step.GetState<PendingQuestion>().Id ?? string.Empty;
        supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(answer)));
        supportCase.Amount ??= ComplaintReader.Amount(answer);
        await ReadMoodAsync(supportCase, answer, cancellationToken).ConfigureAwait(false);
        if (EmpathyPicker.FrustrationRising(supportCase.Moods))
        {
            return await step.EndDialogAsync(HandoffReason.FrustrationRising, cancellationToken).ConfigureAwait(false);
        }

        await EmpathizeIfMovedAsync(step.DialogContext, supportCase, answer, cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(Clarify, null, cancellationToken).ConfigureAwait(false);
    }

    // Peel the layers: is anything else about this bothering them?
    private async Task<DialogTurnResult> PeelLayersAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is HandoffReason reason)
        {
            return await HandOverAsync(step.DialogContext, supportCase, reason, null, cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(Layers, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAnythingElseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = Case(step.DialogContext);
        if (supportCase.UnderlyingIssues.Count >= _services.Options.MaxUnderlyingIssues)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var key = supportCase.UnderlyingIssues.Count == 0 ? SupportPrompts.AskAnythingElse : SupportPrompts.AskAnythingElseAgain;
        return await step.PromptAsync(Text, Ask(step, key, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordUnderlyingIssueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = Case(step.DialogContext);
        if (step.Result is not string answer || ComplaintReader.MeansNothingElse(answer) || ConfirmPrompt.Recognize(answer) is false)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.UnderlyingIssues.Add(PiiMasker.Mask(answer));
        supportCase.Amount ??= ComplaintReader.Amount(answer);
        await ReadMoodAsync(supportCase, answer, cancellationToken).ConfigureAwait(false);
        if (EmpathyPicker.FrustrationRising(supportCase.Moods))
        {
            return await step.EndDialogAsync(HandoffReason.FrustrationRising, cancellationToken).ConfigureAwait(false);
        }

        await SayAsync(step.DialogContext, SupportPrompts.AcknowledgeLayer, supportCase, cancellationToken, ("issue", ComplaintReader.Mirror(answer))).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(Layers, null, cancellationToken).ConfigureAwait(false);
    }

    // 6. Remedy: the catalog's remedies for the category, best for the customer first.
    private async Task<DialogTurnResult> OfferRemedyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is HandoffReason reason)
        {
            return await HandOverAsync(step.DialogContext, supportCase, reason, null, cancellationToken).ConfigureAwait(false);
        }

        var remedies = RemedyAdvisor.Offer(_services.Catalog, supportCase.Category, _services.Options.MaxRemediesOffered);
        supportCase.RemediesOffered = [.. remedies.Select(r => r.Id)];
        var somethingElse = _services.Prompts.Current.Render(SupportPrompts.SomethingElse).Text;
        var options = Ask(step, SupportPrompts.OfferRemedies, supportCase) with
        {
            RetryPrompt = Say(step.DialogContext, SupportPrompts.OfferRetry, supportCase),
            Choices = [.. remedies.Select(r => new Choice(r.Id) { Title = Capitalize(r.Title) }), new Choice(SomethingElseId) { Title = somethingElse }],
        };
        return await step.PromptAsync(Choose, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChooseRemedyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        switch (step.Result)
        {
            case FoundChoice { Value: SomethingElseId }:
                return await step.PromptAsync(Text, Ask(step, SupportPrompts.AskOwnRemedy, supportCase), cancellationToken).ConfigureAwait(false);
            case FoundChoice choice:
                supportCase.RemedyId = choice.Value;
                return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.NotUnderstood, null, cancellationToken).ConfigureAwait(false);
        }
    }

    // 7. Outcome: grant it with concrete next steps, or hand over for approval, honestly.
    private async Task<DialogTurnResult> GrantOrHandOverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is string ownWords)
        {
            supportCase.RemedyWanted = PiiMasker.Mask(ownWords);
            supportCase.Amount ??= ComplaintReader.Amount(ownWords);
            await ReadMoodAsync(supportCase, ownWords, cancellationToken).ConfigureAwait(false);
            return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.RemedyNeedsApproval, "the customer asked for something outside the catalog", cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is PromptGaveUp || supportCase.RemedyId is null || !_services.Catalog.Remedies.TryGetValue(supportCase.RemedyId, out var remedy))
        {
            return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.NotUnderstood, null, cancellationToken).ConfigureAwait(false);
        }

        var profile = await _services.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        supportCase.RemedyWanted = remedy.Title;
        var check = RemedyAdvisor.Check(remedy, supportCase.Amount, profile);
        if (!check.AutoApproved)
        {
            return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.RemedyNeedsApproval, check.Reason, cancellationToken).ConfigureAwait(false);
        }

        profile.RemediesGranted++;
        var nextSteps = remedy.NextSteps
            .Replace("{name}", supportCase.FirstName ?? PromptCatalog.DefaultFallback("name"), StringComparison.Ordinal)
            .Replace("{amount}", supportCase.Amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "the full amount", StringComparison.Ordinal);
        await SayAsync(step.DialogContext, SupportPrompts.RemedyGranted, supportCase, cancellationToken, ("remedy", remedy.Title), ("next_steps", nextSteps)).ConfigureAwait(false);
        return await step.PromptAsync(Confirm, Ask(step, SupportPrompts.ConfirmResolved, supportCase), cancellationToken).ConfigureAwait(false);
    }

    // 8. Close: resolved? one rating question, thanks by name.
    private async Task<DialogTurnResult> AskRatingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is not true)
        {
            return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.NotResolved, null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.Resolved = true;
        var options = Ask(step, SupportPrompts.AskRating, supportCase) with
        {
            Choices = [.. Enumerable.Range(1, 5).Select(i => new Choice(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        };
        return await step.PromptAsync(Choose, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ThankAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        supportCase.Rating = step.Result is FoundChoice rating ? rating.Index + 1 : null;
        var profile = await _services.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        profile.Cases++;
        profile.OpenCase = null;
        await SayAsync(step.DialogContext, SupportPrompts.Thanks, supportCase, cancellationToken).ConfigureAwait(false);
        ScheduleFollowUp(step.DialogContext, supportCase, null, cancellationToken);
        return await step.EndDialogAsync(supportCase, cancellationToken).ConfigureAwait(false);
    }

    // After a colleague's decision or hand-back: the close (resolved? rating, thanks) of the same case.
    private async Task<DialogTurnResult> ConfirmResolvedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = Seed(step);
        return await step.PromptAsync(Confirm, Ask(step, SupportPrompts.ConfirmResolved, supportCase), cancellationToken).ConfigureAwait(false);
    }

    // No colleague available: take a way to call the customer back instead of leaving them waiting.
    private async Task<DialogTurnResult> AskCallbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = Seed(step);
        return await step.PromptAsync(Text, Ask(step, SupportPrompts.NoAgents, supportCase, ("hours", _services.OpeningHours)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeCallbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        var contact = PiiMasker.Mask(step.Result as string ?? string.Empty).Trim();
        if (_services.Desk is { } desk)
        {
            await desk.UpdateAsync(supportCase.CaseId, c => c with { Status = CaseStatus.Callback, CallbackContact = contact }, cancellationToken).ConfigureAwait(false);
        }

        await SayAsync(step.DialogContext, SupportPrompts.CallbackTaken, supportCase, cancellationToken, ("contact", contact)).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    // The check-in after a resolved case: did the fix hold? If not, the case reopens with a colleague.
    private async Task<DialogTurnResult> AskFollowUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var followUp = step.GetOptions<DeskEventValue>() ?? new DeskEventValue();
        var supportCase = step.GetState<SupportCase>();
        Copy(FromSummary(followUp.Summary, followUp.CaseId, await NameAsync(step.Context, cancellationToken).ConfigureAwait(false)), supportCase);
        return await step.PromptAsync(Confirm, Ask(step, SupportPrompts.FollowUpAsk, supportCase, ("issue", followUp.Text ?? "your case"), ("remedy", followUp.Remedy ?? "the fix")), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FollowUpAnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is true)
        {
            await SayAsync(step.DialogContext, SupportPrompts.FollowUpGlad, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await HandOverAsync(step.DialogContext, supportCase, HandoffReason.NotResolved, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The events the agent desk, the queue and the follow-up schedule send into this conversation (only with the
    /// desk's caller id), and the contact-center handoff protocol's <c>handoff.status</c>. Null: not such an event.
    /// </summary>
    private async Task<DialogTurnResult?> OnDeskEventAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        var activity = context.Activity;
        if (activity.Type != ActivityTypes.Event || (activity.CallerId != DeskEvents.CallerId && activity.Name != DeskEvents.HandoffStatus))
        {
            return null;
        }

        var value = activity.Value is { } json ? System.Text.Json.JsonSerializer.Deserialize<DeskEventValue>(json, StateJson.Options) ?? new DeskEventValue() : new DeskEventValue();
        var summary = await _services.Handoffs.GetOrNullAsync(context, cancellationToken).ConfigureAwait(false);
        var supportCase = FromSummary(summary, value.CaseId, await NameAsync(context, cancellationToken).ConfigureAwait(false));
        var agent = value.Agent ?? "A colleague";
        var done = new DialogTurnResult(DialogTurnStatus.Complete);
        switch (activity.Name)
        {
            case DeskEvents.QueueUpdate when summary is not null:
                await SayAsync(dc, SupportPrompts.HandoffUpdate, supportCase, cancellationToken, ("position", value.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("wait", value.Wait)).ConfigureAwait(false);
                return done;
            case DeskEvents.AgentJoined:
            case DeskEvents.HandoffStatus when value.State == "accepted":
                await _services.HandoffAgent.SetAsync(context, agent, cancellationToken).ConfigureAwait(false);
                await SayAsync(dc, SupportPrompts.AgentJoined, supportCase, cancellationToken, ("agent", (string?)agent)).ConfigureAwait(false);
                return done;
            case DeskEvents.AgentMessage when !string.IsNullOrWhiteSpace(value.Text):
                await context.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = value.Text, From = new Activities.ChannelAccount { Id = "agent:" + agent, Name = agent, Role = "bot" } }, cancellationToken).ConfigureAwait(false);
                return done;
            case DeskEvents.AgentTyping:
                await context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing, From = new Activities.ChannelAccount { Id = "agent:" + agent, Name = agent, Role = "bot" } }, cancellationToken).ConfigureAwait(false);
                return done;
            case DeskEvents.Decision:
                await EndHandoffAsync(context, cancellationToken).ConfigureAwait(false);
                var key = value.Decision switch { "modified" => SupportPrompts.Modified, "denied" => SupportPrompts.Denied, _ => SupportPrompts.Approved };
                await SayAsync(dc, key, supportCase, cancellationToken, ("agent", (string?)agent), ("remedy", value.Remedy ?? summary?.RemedyWanted ?? "your request"), ("note", value.Note ?? string.Empty)).ConfigureAwait(false);
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await dc.BeginDialogAsync(Close, supportCase, cancellationToken).ConfigureAwait(false);
            case DeskEvents.HandBack:
            case DeskEvents.HandoffStatus when value.State == "completed":
                await EndHandoffAsync(context, cancellationToken).ConfigureAwait(false);
                await SayAsync(dc, SupportPrompts.HandedBack, supportCase, cancellationToken, ("agent", (string?)agent), ("recap", value.Recap ?? "they've dealt with your case.")).ConfigureAwait(false);
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await dc.BeginDialogAsync(Close, supportCase, cancellationToken).ConfigureAwait(false);
            case DeskEvents.Closed:
                await EndHandoffAsync(context, cancellationToken).ConfigureAwait(false);
                await SayAsync(dc, SupportPrompts.ClosedByAgent, supportCase, cancellationToken, ("agent", (string?)agent)).ConfigureAwait(false);
                var profile = await _services.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
                profile.OpenCase = null;
                ScheduleFollowUp(dc, supportCase, summary, cancellationToken);
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return done;
            case DeskEvents.HandoffStatus when value.State == "failed":
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await dc.BeginDialogAsync(Callback, supportCase, cancellationToken).ConfigureAwait(false);
            case DeskEvents.FollowUp:
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await dc.BeginDialogAsync(CheckIn, value, cancellationToken).ConfigureAwait(false);
            default:
                return done;
        }
    }

    private async Task EndHandoffAsync(Bot.TurnContext context, CancellationToken cancellationToken)
    {
        await _services.Handoffs.DeleteAsync(context, cancellationToken).ConfigureAwait(false);
        await _services.HandoffAgent.DeleteAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Schedules the check-in on a resolved case.</summary>
    private void ScheduleFollowUp(DialogContext dc, SupportCase supportCase, CaseSummary? summary, CancellationToken cancellationToken)
    {
        if (_services.FollowUps is not { } followUps)
        {
            return;
        }

        var remedy = supportCase.RemedyId is { } id && _services.Catalog.Remedies.TryGetValue(id, out var granted) ? granted.Title.ToLowerInvariant() : supportCase.RemedyWanted ?? summary?.RemedyWanted ?? "the fix";
        var issue = supportCase.Mirrored ?? summary?.Problem ?? "your case";
        var due = dc.Context.TimeProvider.GetUtcNow() + _services.FollowUpAfter;
        // Committed with the turn's state in the same group transaction, not in one of its own.
        dc.Context.AddPendingWrite(followUps.AddAsync(new FollowUp(supportCase.CaseId, dc.Context.Activity.GetConversationReference(), summary, issue, remedy, due), cancellationToken));
    }

    /// <summary>The case to carry on with in a waterfall begun with a seeded <see cref="SupportCase"/>.</summary>
    private static SupportCase Seed(WaterfallStepContext step)
    {
        var supportCase = step.GetState<SupportCase>();
        if (string.IsNullOrEmpty(supportCase.CaseId) && step.GetOptions<SupportCase>() is { } seed)
        {
            Copy(seed, supportCase);
        }

        return supportCase;
    }

    private static void Copy(SupportCase from, SupportCase to)
    {
        to.CaseId = from.CaseId;
        to.FullName = from.FullName;
        to.FirstName = from.FirstName;
        to.Complaint = from.Complaint;
        to.Mirrored = from.Mirrored;
        to.Category = from.Category;
        to.Answers = from.Answers;
        to.UnderlyingIssues = from.UnderlyingIssues;
        to.Moods = from.Moods;
        to.RemedyWanted = from.RemedyWanted;
        to.Amount = from.Amount;
        to.OpenedAt = from.OpenedAt;
    }

    /// <summary>A case rebuilt from its brief, to go on with it after a handoff or at a check-in.</summary>
    private static SupportCase FromSummary(CaseSummary? summary, string? caseId, string? name) => new()
    {
        CaseId = summary?.CaseId ?? caseId ?? string.Empty,
        FullName = name,
        FirstName = FirstName(name),
        Complaint = summary?.Complaint,
        Category = summary?.Category,
        Answers = [.. summary?.Answers ?? []],
        UnderlyingIssues = [.. summary?.UnderlyingIssues ?? []],
        Moods = [.. summary?.Moods ?? []],
        RemedyWanted = summary?.RemedyWanted,
        Amount = summary?.Amount,
        OpenedAt = summary?.CreatedAt ?? default,
    };

    private async Task<string?> NameAsync(Bot.TurnContext context, CancellationToken cancellationToken) =>
        (await _services.ProfileAsync(context, cancellationToken).ConfigureAwait(false)).Name ?? context.Activity.From?.Name;

    /// <summary>
    /// Hands the case to a person: builds the summary, keeps it for the agent side, remembers the open case for the
    /// customer's return, tells the customer honestly what happens next, and ends the conversation's dialogs.
    /// </summary>
    private async Task<DialogTurnResult> HandOverAsync(DialogContext dc, SupportCase supportCase, HandoffReason reason, string? approvalReason, CancellationToken cancellationToken)
    {
        if (reason == HandoffReason.OpenCaseFollowUp)
        {
            return await CompleteHandOverAsync(dc, supportCase, reason, approvalReason, cancellationToken).ConfigureAwait(false);
        }

        // First the customer sees what will be passed on, and can fix or add to it in one answer.
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await dc.BeginDialogAsync(Review, new HandoffDraft(supportCase, reason, approvalReason), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowBriefAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = step.GetOptions<HandoffDraft>()!;
        var supportCase = step.GetState<SupportCase>();
        Copy(draft.Case, supportCase);
        supportCase.UsedPromptIds = draft.Case.UsedPromptIds;
        var profile = await _services.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var summary = CaseSummaries.Build(supportCase, profile, step.Context.Activity, _services.Catalog, draft.Reason, draft.ApprovalReason, step.Context.TimeProvider.GetUtcNow());
        return await step.PromptAsync(Text, Ask(step, SupportPrompts.ReviewBrief, supportCase, ("brief", CaseSummaries.Brief(summary))), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> HandOverReviewedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = step.GetOptions<HandoffDraft>()!;
        var supportCase = step.GetState<SupportCase>();
        if (step.Result is string addition && !ComplaintReader.MeansNothingElse(addition) && !ComplaintReader.ConfirmsBrief(addition))
        {
            supportCase.CustomerAddition = addition.Trim();
        }

        return await CompleteHandOverAsync(step.DialogContext, supportCase, draft.Reason, draft.ApprovalReason, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CompleteHandOverAsync(DialogContext dc, SupportCase supportCase, HandoffReason reason, string? approvalReason, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        var profile = await _services.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        var summary = CaseSummaries.Build(supportCase, profile, context.Activity, _services.Catalog, reason, approvalReason, context.TimeProvider.GetUtcNow());
        await _services.Handoffs.SetAsync(context, summary, cancellationToken).ConfigureAwait(false);
        profile.Cases++;
        var reminder = supportCase.Mirrored is { Length: > 0 } mirrored ? mirrored : $"a problem with {_services.Catalog.Category(summary.Category).Title.ToLowerInvariant()}";
        profile.OpenCase = new OpenCase(summary.CaseId, reminder, summary.Category, supportCase.OpenedAt);
        var remedy = supportCase.RemedyWanted is { } wanted ? wanted : "this";
        await SayAsync(dc, SupportPrompts.Handoff(reason), supportCase, cancellationToken, ("remedy", remedy)).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        var channel = context.Activity.ChannelId ?? string.Empty;
        if (_services.ContactCenterChannels.Contains(channel))
        {
            // The Bot Framework handoff protocol: the contact center gets the brief and the conversation so far.
            await context.SendActivityAsync(await HandoffInitiateAsync(context, summary, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        if (_services.Desk is not { } desk || !_services.UsesDesk(channel))
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, summary);
        }

        var position = await desk.OpenAsync(summary, context.Activity.GetConversationReference(), cancellationToken).ConfigureAwait(false);
        if (!_services.AgentsAvailable())
        {
            return await dc.BeginDialogAsync(Callback, supportCase, cancellationToken).ConfigureAwait(false);
        }

        var wait = (await desk.EstimateAsync(position, cancellationToken).ConfigureAwait(false)).Describe() ?? "hard to estimate just now";
        await SayAsync(dc, SupportPrompts.HandoffQueue, supportCase, cancellationToken, ("position", position.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("wait", wait)).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Complete, summary);
    }

    /// <summary>The <c>handoff.initiate</c> event: the brief as its value, the transcript so far as an attachment.</summary>
    private async Task<Activity> HandoffInitiateAsync(Bot.TurnContext context, CaseSummary summary, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var transcript = _services.Transcripts is { } store
            ? await store.GetTranscriptAsync(activity.ChannelId!, activity.Conversation!.Id!, 0, cancellationToken).ConfigureAwait(false)
            : [];
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = DeskEvents.HandoffInitiate,
            Value = System.Text.Json.JsonSerializer.SerializeToElement(summary, StateJson.Options),
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/vnd.microsoft.activity.transcript",
                    Content = System.Text.Json.JsonSerializer.SerializeToNode<List<Activity>>([.. transcript, .. context.Replies], StateJson.Options),
                },
            ],
        };
    }

    /// <summary>Reads how the customer feels in this turn and adds it to the case's trajectory.</summary>
    private async Task ReadMoodAsync(SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        var result = await _services.Sentiment.AnalyzeAsync(text, cancellationToken).ConfigureAwait(false);
        supportCase.Moods.Add(EmpathyPicker.Read(supportCase.Moods.Count + 1, result));
        if (result.Targets.FirstOrDefault(t => t.Label == SentimentLabel.Negative) is { } target)
        {
            supportCase.Target ??= "your " + target.Text;
        }
    }

    /// <summary>The empathy line for the latest turn, mirroring <paramref name="words"/> (the complaint unless given).</summary>
    private Task EmpathizeAsync(DialogContext dc, SupportCase supportCase, CancellationToken cancellationToken, string? words = null)
    {
        var key = EmpathyPicker.PromptKey(supportCase.Moods[^1], supportCase.Moods[..^1]);
        return words is null
            ? SayAsync(dc, key, supportCase, cancellationToken)
            : SayAsync(dc, key, supportCase, cancellationToken, ("issue", ComplaintReader.Mirror(words)));
    }

    /// <summary>After an answer, a new empathy line only when the feeling moved: warmer when rising, an acknowledgement when calming.</summary>
    private Task EmpathizeIfMovedAsync(DialogContext dc, SupportCase supportCase, string answer, CancellationToken cancellationToken)
    {
        var moods = supportCase.Moods;
        if (moods.Count < 2)
        {
            return Task.CompletedTask;
        }

        var change = moods[^1].NegativeIntensity - moods[^2].NegativeIntensity;
        var calmed = moods[^2].NegativeIntensity >= EmpathyPicker.ModerateFrom && moods[^1].Compound >= 0.05;
        return change >= EmpathyPicker.RisingBy || calmed ? EmpathizeAsync(dc, supportCase, cancellationToken, answer) : Task.CompletedTask;
    }

    private PromptOptions Ask(WaterfallStepContext step, string key, SupportCase supportCase, params (string Name, string? Value)[] extra) =>
        new() { Prompt = Say(step.DialogContext, key, supportCase, extra) };

    private Task SayAsync(DialogContext dc, string key, SupportCase supportCase, CancellationToken cancellationToken, params (string Name, string? Value)[] extra) =>
        dc.Context.SendActivityAsync(Say(dc, key, supportCase, extra), cancellationToken);

    /// <summary>Renders a prompt for this case, never repeating a variant already said in the conversation.</summary>
    private Activity Say(DialogContext dc, string key, SupportCase supportCase, params (string Name, string? Value)[] extra)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase.FirstName,
            ["issue"] = supportCase.Mirrored,
            ["target"] = supportCase.Target ?? "this",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        var catalog = _services.Prompts.Current;
        var tracked = key.StartsWith("empathy.", StringComparison.Ordinal) || key == SupportPrompts.AcknowledgeLayer;
        if (key.StartsWith("empathy.", StringComparison.Ordinal))
        {
            // Never the same empathy line twice: when this key's lines are used up, a neighbouring key's serve.
            key = EmpathyPicker.Fallbacks(key).FirstOrDefault(k => catalog.Variants(k).Any(v => !supportCase.UsedPromptIds.Contains(v.Id))) ?? key;
        }

        var rendered = catalog.Render(key, values, seed: dc.Context.Activity.Conversation?.Id, avoid: supportCase.UsedPromptIds);
        if (tracked)
        {
            supportCase.UsedPromptIds.Add(rendered.Id);
        }

        return Activity.CreateMessage(rendered.Text);
    }

    private string QuestionText(string question) => _services.Prompts.Current.Variants(SupportPrompts.Question(question)) is { Count: > 0 } variants ? variants[0].Text.Replace(", {name}", string.Empty, StringComparison.Ordinal) : question;

    private static SupportCase Case(DialogContext dc) => FindCase(dc) ?? throw new InvalidOperationException("The support case is not on the dialog stack.");

    private static SupportCase? FindCase(DialogContext dc) =>
        dc.Stack.LastOrDefault(i => i.Id == Main) is { } main ? WaterfallDialog.GetValues<SupportCase>(main) : null;

    private static string? CustomerName(Activity activity)
    {
        var name = activity.From?.Name;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded is { } added)
        {
            name = added.FirstOrDefault(m => m.Id != activity.Recipient?.Id)?.Name ?? name;
        }

        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static string? FirstName(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? null : fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The clarifying question a loop step is waiting on.</summary>
    private sealed class PendingQuestion
    {
        public string? Id { get; set; }
    }
}

using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Opens the case and knows whom it is talking to: the channel's name, else the remembered one, else it asks once.
/// A returning customer with a case still with a colleague is asked whether this is about it.
/// </summary>
public sealed partial class GreetingDialog : CaseDialog
{
    private readonly SupportServices _services;

    public GreetingDialog(SupportServices services)
        : base(nameof(GreetingDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(EnsureNameAsync, CheckOpenCaseAsync, GreetedAsync);

        // "Is this about that?" answered with a new problem instead of yes or no: that problem is heard, not asked past.
        AddDialog(new ConfirmPrompt(AboutOpenCase, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || NewProblem(prompt.Context.Activity.Text) is not null))
        {
            MaxAttempts = services.Options.MaxAttempts,
        });
    }

    private const string AboutOpenCase = "about-open-case";

    private async Task<DialogTurnResult> EnsureNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var profile = await Cases.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        var now = context.TimeProvider.GetUtcNow();
        var earlier = await Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false);
        var supportCase = SupportCase.Open(context.Activity, $"case-{now:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}", now);

        // A second matter in the same conversation is not met with the lines the first one already heard.
        if (earlier is not null)
        {
            supportCase.UsedPromptIds.AddRange(earlier.UsedPromptIds);
        }

        supportCase.Tier = profile.Tier;
        supportCase.Name(CustomerName(context.Activity) ?? profile.Name);
        _services.SetCategory(supportCase, null);
        await Cases.SetCaseAsync(context, supportCase, cancellationToken).ConfigureAwait(false);

        // A first message that already says something (the problem, or "agent please") is heard, not greeted past:
        // the bot goes on with it without asking the name first.
        var first = step.GetState<FirstMessage>();
        first.Start = FirstMessageStart(context.Activity);
        if (supportCase.FullName is not null || first.Start is not null)
        {
            profile.Name = supportCase.FullName;
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(Text, Voice.Ask(context, SupportPrompts.AskName, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CheckOpenCaseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (step.Result is string answer && ComplaintReader.NameFrom(answer) is { } name)
        {
            supportCase.Name(name);
            profile.Name = supportCase.FullName;
            supportCase.NameAsked = true;
        }
        else if (step.Result is string told && ComplaintReader.IsMirrorable(told) && told.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4)
        {
            // They answered with the problem itself: that is what matters to them, so it is heard now, not asked for again.
            return await step.EndDialogAsync(new ComplaintStart(told), cancellationToken).ConfigureAwait(false);
        }

        // A first message that is plainly about something else ("I'm locked out" after a double charge) is that new problem.
        if (profile.OpenCase is { } open && !(step.GetState<FirstMessage>().Start is { Complaint: { } first }
            && _services.ClearCategory(first, _services.Reader?.Read(first)) is { } category && category != open.Category && category != SupportCatalog.Other))
        {
            var prompt = Voice.Ask(step.Context, SupportPrompts.WelcomeBackOpenCase, supportCase, ("open_case", open.Problem));
            return await step.PromptAsync(AboutOpenCase, prompt, cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reply that tells a problem, after any "no" it opens with ("no, this time the app keeps crashing"), or null:
    /// more than a few words the mirror can use, and no plain yes.
    /// </summary>
    private static string? NewProblem(string? text)
    {
        var told = NotThat().Replace(text ?? string.Empty, string.Empty).Trim();
        return ConfirmPrompt.Recognize(told) is not true && ComplaintReader.IsMirrorable(told) && told.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3 ? told : null;
    }

    /// <summary>The "no" that opens a reply to "is this about that?": "no,", "nope -", "not that, ".</summary>
    [GeneratedRegex(@"^\W*(?:no+|nope|nah|not\s+(?:that|really|this\s+time))\b[\s,.;:!-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotThat();

    private async Task<DialogTurnResult> GreetedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (step.Result is not true && profile.OpenCase is not null && NewProblem(step.Context.Activity.Text) is { } problem)
        {
            return await step.EndDialogAsync(new ComplaintStart(problem), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is true && profile.OpenCase is { } open)
        {
            // This conversation goes on with the case the colleague already has.
            var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
            supportCase.FollowsOpenCase = true;
            supportCase.CaseId = open.CaseId;
            _services.SetCategory(supportCase, open.Category);
        }

        return await step.EndDialogAsync(step.GetState<FirstMessage>().Start, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a customer's first message begins the complaint with: nothing for a greeting or a join.</summary>
    private static ComplaintStart? FirstMessageStart(Activity activity)
    {
        var text = activity.Text?.Trim();
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(text) || InterruptionRecognizer.OnlyGreets(text)
            || InterruptionRecognizer.Recognize(text) is Interruption.Help or Interruption.StartOver)
        {
            return null;
        }

        if (PersonRequestRecognizer.AsksForPerson(text) && !PersonRequestRecognizer.SaysMoreThanAskingForPerson(text))
        {
            return new ComplaintStart(WantsPerson: true);
        }

        if (InterruptionRecognizer.Recognize(text) == Interruption.AsksIfBot)
        {
            return new ComplaintStart(AskedIfBot: true);
        }

        // "ok my parcel never arrived" or "#godaddy need help logging in" tells the problem after what opens it; so does
        // a first message that also says it told us before.
        var told = ComplaintReader.WithoutFiller(text);
        // "No internet" is short, and says what's wrong: a problem, not a hello.
        return ComplaintReader.IsMirrorable(told) || ComplaintReader.IsMirrorable(AlreadyToldReader.Read(told)?.Rest) || SlotReader.NamesFault(told)
            ? new ComplaintStart(text) : null;
    }

    /// <summary>What the first message told, carried to the complaint part.</summary>
    private sealed class FirstMessage
    {
        public ComplaintStart? Start { get; set; }
    }

    private static string? CustomerName(Activity activity)
    {
        var name = activity.From?.Name;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded is { } added)
        {
            name = added.FirstOrDefault(m => m.Id != activity.Recipient?.Id)?.Name ?? name;
        }

        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }
}

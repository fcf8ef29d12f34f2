using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The conversation's side of a case that is with a colleague: the events the agent desk, the queue and the
/// follow-up schedule send into it (only with the desk's caller id), the contact-center handoff protocol's
/// <c>handoff.status</c> (only from contact-center channels, checked at the edge), and the customer's messages while
/// they wait.
/// </summary>
public sealed partial class HandoffHandler(HandoffServices handoff, CaseVoice voice, CaseState cases, ISentimentAnalyzer? sentiment = null, Func<SupportCase, string, string?>? knownAnswer = null)
{
    /// <summary>
    /// Whether <paramref name="activity"/> is a desk event (raised by the server itself) or a contact center's
    /// <c>handoff.status</c> from one of <see cref="HandoffServices.ContactCenterChannels"/>, to act on. The endpoints
    /// already refuse such events from anyone else; this holds the same line inside the bot.
    /// </summary>
    public bool IsDeskEvent(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Event
            && (activity.CallerId == DeskEvents.CallerId
                || (activity.Name == DeskEvents.HandoffStatus && handoff.ContactCenterChannels.Contains(activity.ChannelId ?? string.Empty)));
    }

    /// <summary>Says what the event means to the customer and updates the case; returns what the conversation does next.</summary>
    public async Task<DeskEventOutcome> OnDeskEventAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Activity;
        var value = activity.Value is { } json ? JsonSerializer.Deserialize<DeskEventValue>(json, StateJson.Options) ?? new DeskEventValue() : new DeskEventValue();
        var supportCase = await cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) ?? await CaseFromEventAsync(context, value, cancellationToken).ConfigureAwait(false);
        var agent = value.Agent ?? "A colleague";
        var carry = new DeskEventOutcome(AfterDeskEvent.Carry, value);
        switch (activity.Name)
        {
            case DeskEvents.QueueUpdate when supportCase.WithColleague:
                await voice.SayAsync(context, HandoffPrompts.QueueUpdate, supportCase, cancellationToken, ("position", value.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("wait", value.Wait)).ConfigureAwait(false);
                return carry;
            case DeskEvents.AgentJoined:
            case DeskEvents.HandoffStatus when value.State == HandoffState.Accepted:
                // From now on the customer talks to the colleague: any question the bot was waiting on is dropped.
                supportCase.Agent = agent;
                supportCase.AgentJoinedAt ??= context.TimeProvider.GetUtcNow();
                await voice.SayAsync(context, HandoffPrompts.AgentJoined, supportCase, cancellationToken, ("agent", agent)).ConfigureAwait(false);
                return carry with { Next = AfterDeskEvent.EndDialogs };
            case DeskEvents.AgentMessage when !string.IsNullOrWhiteSpace(value.Text):
                await context.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = value.Text, From = ColleagueAccount.For(agent, value.AgentId ?? agent) }, cancellationToken).ConfigureAwait(false);
                return carry;
            case DeskEvents.AgentTyping:
                await context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing, From = ColleagueAccount.For(agent, value.AgentId ?? agent) }, cancellationToken).ConfigureAwait(false);
                return carry;
            case DeskEvents.Decision:
                EndHandoff(supportCase);
                Granted(supportCase, value, context.TimeProvider.GetUtcNow());
                var decided = HandoffPrompts.Decided(value.Decision ?? AgentDecision.Approved);
                await voice.SayAsync(context, decided, supportCase, cancellationToken, ("agent", agent), ("remedy", value.Remedy ?? supportCase.RemedyText() ?? "your request"), ("note", value.Note ?? string.Empty)).ConfigureAwait(false);
                return carry with { Next = AfterDeskEvent.Close };
            case DeskEvents.HandBack:
            case DeskEvents.HandoffStatus when value.State == HandoffState.Completed:
                EndHandoff(supportCase);
                await voice.SayAsync(context, HandoffPrompts.HandedBack, supportCase, cancellationToken, ("agent", agent), ("recap", value.Recap ?? "they've dealt with your case.")).ConfigureAwait(false);
                return carry with { Next = AfterDeskEvent.Close };
            case DeskEvents.Closed:
                EndHandoff(supportCase);
                await voice.SayAsync(context, HandoffPrompts.ClosedByAgent, supportCase, cancellationToken, ("agent", agent)).ConfigureAwait(false);
                (await cases.ProfileAsync(context, cancellationToken).ConfigureAwait(false)).OpenCase = null;
                handoff.ScheduleFollowUp(context, supportCase);
                return carry with { Next = AfterDeskEvent.EndDialogs };
            case DeskEvents.HandoffStatus when value.State == HandoffState.Failed:
                return carry with { Next = AfterDeskEvent.Callback };
            case DeskEvents.FollowUp:
                return carry with { Next = AfterDeskEvent.CheckIn };
            default:
                return carry;
        }
    }

    /// <summary>
    /// A customer's message while their case is with a colleague and no dialog is under way: with the colleague in
    /// the conversation the bot keeps quiet (they talk to each other); before that, the message is acknowledged as
    /// added to the case. False when the case is not with a colleague.
    /// </summary>
    public async Task<bool> OnMessageWhileWithColleagueAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is not { WithColleague: true } supportCase)
        {
            return false;
        }

        if (supportCase.Agent is null)
        {
            // A different line each time, until they are used up: a customer who writes again is not answered by rote.
            // "How long will it take?" gets where they stand; "this is ridiculous" gets heard, not thanked.
            var text = context.Activity.Text;
            if (KindRules.SignsOff(text))
            {
                // "Thanks, bye" is a goodbye, not something for the colleague to read.
                await voice.SayFreshAsync(context, HandoffPrompts.WaitingGoodbye, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else if (text is not null && ComplaintReader.HasContact(text))
            {
                // "07700 900123 after 5pm", given after all: a call back it is, confirmed, never "still in the queue".
                await CallbackDialog.TakeContactAsync(handoff, voice, context, supportCase, text, cancellationToken).ConfigureAwait(false);
            }
            else if (InterruptionRecognizer.Recognize(text) == Interruption.AsksIfBot)
            {
                // "Is this a bot?" while waiting: honestly yes, and a person is what comes next.
                await voice.SayFreshAsync(context, HandoffPrompts.WaitingBotIdentity, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else if (ManagerOrNumber(supportCase, text) is { } answer)
            {
                await voice.SayFreshAsync(context, answer, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else if (AsksHowLong(text) && (handoff.Desk is not { } queue || await queue.PositionAsync(supportCase.CaseId, cancellationToken).ConfigureAwait(false) is not > 0))
            {
                // "How long is the wait??" with no queue to read: the honest answer, and the way not to wait.
                await voice.SayFreshAsync(context, HandoffPrompts.WaitUnknown, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else if (AsksAboutTheWait(text) && handoff.Desk is { } desk && await desk.PositionAsync(supportCase.CaseId, cancellationToken).ConfigureAwait(false) is > 0 and var position)
            {
                var at = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (handoff.AgentsAvailable())
                {
                    var wait = (await desk.EstimateAsync(position, cancellationToken).ConfigureAwait(false)).Describe() ?? "hard to estimate just now";
                    await voice.SayFreshAsync(context, HandoffPrompts.QueueUpdate, supportCase, cancellationToken, ("position", at), ("wait", wait)).ConfigureAwait(false);
                }
                else
                {
                    await voice.SayFreshAsync(context, HandoffPrompts.WaitingNobodyFree, supportCase, cancellationToken, ("position", at), ("hours", handoff.NobodyFreeBecause())).ConfigureAwait(false);
                }
            }
            else if (text is not null && TakenIn().IsMatch(text))
            {
                // "Ok", "cool, thanks", "fine i guess": taken in; nothing to add to the case, and no "I'm here" to a customer who is.
                await voice.SayFreshAsync(context, HandoffPrompts.WaitingOk, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else if (text is not null && Presence().IsMatch(text))
            {
                // "Hello?", "anyone there?": someone is there, and the case is where it was; nothing new to add to it.
                await voice.SayFreshAsync(context, HandoffPrompts.WaitingPresence, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else if (AmountAdded(supportCase, text, CaseAmounts.CurrencyOf(supportCase, handoff.Currency), context.TimeProvider.GetUtcNow()) is { } amount)
            {
                // "It was 30 quid": on the case, where the colleague reads it, and the customer hears it is there.
                await voice.SayFreshAsync(context, HandoffPrompts.AmountNoted, supportCase, cancellationToken, ("amount", amount)).ConfigureAwait(false);
            }
            else if (AsksSomething(text) && knownAnswer?.Invoke(supportCase, text!) is { } known)
            {
                // "Do you deliver on Sundays?" or "will I get an email?" when the catalog's answers or the remedy's own
                // wording know: answered now, and the colleague still sees the question.
                await voice.SayFreshAsync(context, HandoffPrompts.QuestionAnswered, supportCase, cancellationToken, ("answer", known)).ConfigureAwait(false);
            }
            else if (AsksSomething(text) && !await IsUpsetAsync(sentiment, text, cancellationToken).ConfigureAwait(false))
            {
                // "Do I need to post it back?": a question the colleague will answer first, and the customer hears so.
                await voice.SayFreshAsync(context, HandoffPrompts.QuestionForColleague, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var upset = await IsUpsetAsync(sentiment, text, cancellationToken).ConfigureAwait(false);
                await voice.SayFreshAsync(context, upset ? HandoffPrompts.WaitingUpset : HandoffPrompts.Waiting, supportCase, cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }

    /// <summary>
    /// The line for a waiting customer's "not a colleague, a MANAGER" (put on the case, where whoever picks it up reads
    /// it first) or "is there a number I can ring?" (none to give, but a colleague can ring them); null for anything else.
    /// </summary>
    internal static string? ManagerOrNumber(SupportCase supportCase, string? text)
    {
        if (NoteManager(supportCase, text))
        {
            return HandoffPrompts.ManagerNoted;
        }

        return AsksForNumber(text) ? HandoffPrompts.NoNumberToCall : null;
    }

    /// <summary>Puts a request for a manager in <paramref name="text"/> on the case, where whoever picks it up reads it; true when it was new.</summary>
    internal static bool NoteManager(SupportCase supportCase, string? text)
    {
        if (!AsksForManager(text) || supportCase.UnderlyingIssues.Contains(CaseSummary.ManagerWanted))
        {
            return false;
        }

        supportCase.UnderlyingIssues.Add(CaseSummary.ManagerWanted);
        return true;
    }

    /// <summary>Whether the case holds a request for a manager.</summary>
    internal static bool WantsManager(SupportCase supportCase) => supportCase.UnderlyingIssues.Contains(CaseSummary.ManagerWanted);

    /// <summary>
    /// A manager asked for ("can I speak to a manager", "not a colleague. a MANAGER.", "manager. now."), never one only
    /// mentioned ("the store manager was rude to me too").
    /// </summary>
    internal static bool AsksForManager(string? text) =>
        text is not null && Manager().IsMatch(text) && (PersonRequestRecognizer.AsksForPerson(text) || ChoiceRecognizer.HasAtMostWords(text, 6));

    /// <summary>"Is there a number I can ring?", "what's your phone number?".</summary>
    internal static bool AsksForNumber(string? text) => text is not null && NumberToCall().IsMatch(text);

    /// <summary>The amount a message written while waiting puts on the case, as it now reads; null when it changes none.</summary>
    internal static string? AmountAdded(SupportCase supportCase, string? text, string currency, DateTimeOffset now)
    {
        var before = supportCase.AmountText();
        CaseAmounts.Take(supportCase, text, currency, now);
        return supportCase.AmountText() is { } after && after != before ? after : null;
    }

    /// <summary>Whether a message written while the customer waits reads as upset, to be heard rather than thanked.</summary>
    internal static async Task<bool> IsUpsetAsync(ISentimentAnalyzer? sentiment, string? text, CancellationToken cancellationToken) =>
        sentiment is not null && text is not null
        && EmpathyPicker.Read(0, await sentiment.AnalyzeAsync(text, cancellationToken).ConfigureAwait(false)).Heat >= 2;

    /// <summary>"Hello?", "hello?? is anyone there": only whether someone is there.</summary>
    internal static bool AsksIfAnyoneThere(string? text) => text is not null && Presence().IsMatch(text);

    /// <summary>"How long will it take?", "when will someone answer", "is anyone there?".</summary>
    private static bool AsksAboutTheWait(string? text) => text is not null && WaitQuestion().IsMatch(text);

    /// <summary>"How long is the wait??", "when do I get it": a question about the time, not "anyone there?".</summary>
    internal static bool AsksHowLong(string? text) => text is not null && HowLong().IsMatch(text);

    [GeneratedRegex(@"\b(?:how\s+long|how\s+much\s+longer|when\s+(?:will|do|can|shall)\s+(?:i|someone|somebody|anyone|they|you|it)\b|what'?s\s+the\s+wait)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowLong();

    /// <summary>
    /// Whether <paramref name="text"/> asks something for the colleague to answer ("do I need to post it back?"), not
    /// whether anyone is there ("hello?", "anyone there???") or how long the wait is.
    /// </summary>
    internal static bool AsksSomething(string? text) =>
        text is not null && ComplaintReader.ReadsAsQuestion(text) && !AsksAboutTheWait(text) && !Presence().IsMatch(text)
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3;

    [GeneratedRegex(@"\b(?:manager|supervisor|team\s+lead(?:er)?|someone\s+(?:senior|in\s+charge|higher\s+up)|your\s+boss)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Manager();

    [GeneratedRegex(@"\b(?:phone|telephone|contact|helpline|hotline)\s+number\b.*\b(?:ring|call|phone)\b|\b(?:can|could)\s+i\s+(?:just\s+)?(?:ring|call|phone)\s+(?:you|someone|somebody|instead)|\bnumber\s+(?:i|to)\s+(?:can\s+)?(?:ring|call|phone)\b|\bwhat'?s\s+your\s+(?:phone\s+)?number\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberToCall();

    [GeneratedRegex(@"^\W*(?:(?:hello+|hi|hey|helo|yo)\W+)?(?:hello|hi|hey|helo|hellooo*|yo|anyone|any\s+one|anybody|are\s+you\s+(?:still\s+)?there|you\s+there|still\s+there|is\s+(?:anyone|anybody|someone)\s+(?:there|here))\b[\W\s]*(?:there|here|anyone)?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Presence();

    [GeneratedRegex(@"^\W*(?:ok(?:ay)?|k+|fine|cool|alright|all\s+right|sure|right|got\s+it|noted|understood|yes|yeah|yep|thanks|thank\s+you|thx|ty|cheers|ta|great|whatever|no\s+(?:worries|problem)|sounds\s+good|perfect|i'?ll\s+wait|i\s+(?:will|can)\s+wait|merci|d'accord|danke|gracias)\b(?:[\s,.!]+(?:then|i\s+guess|thanks|thank\s+you|cheers|great|fine|cool|ok(?:ay)?|i'?ll\s+wait|i\s+(?:will|can)\s+wait|merci|(?:for\s+)?now))*[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TakenIn();

    [GeneratedRegex(@"\b(how\s+long|how\s+much\s+longer|when\s+will\s+(someone|somebody|anyone|a\s+person|a\s+human|an?\s+agent|they|you)|any(one|body)\s+(there|here|coming)|where\s+(is|are)\s+(the|my|your)\s+(colleague|agent|person)|still\s+waiting|what'?s\s+the\s+wait|when\s+(?:do|will|can|shall)\s+i\s+(?:get|hear|receive|see|have))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitQuestion();

    /// <summary>A colleague's approval grants the remedy wanted, with what it pays; a modification grants the one they named.</summary>
    private static void Granted(SupportCase supportCase, DeskEventValue value, DateTimeOffset now)
    {
        switch (value.Decision ?? AgentDecision.Approved)
        {
            case AgentDecision.Approved when (value.Remedy ?? supportCase.RemedyWanted) is { } title:
                var amount = title == supportCase.RemedyWanted ? supportCase.RemedyAmount() : null;
                supportCase.Granted.Add(new GrantedRemedy(title == supportCase.RemedyWanted ? supportCase.RemedyId : null, title, amount?.Value, amount?.Currency, ByColleague: true, now));
                break;
            case AgentDecision.Modified when value.Remedy is { Length: > 0 } title:
                supportCase.Granted.Add(new GrantedRemedy(null, title, null, null, ByColleague: true, now));
                break;
        }
    }

    private static void EndHandoff(SupportCase supportCase)
    {
        supportCase.WithColleague = false;
        supportCase.Agent = null;
    }

    // A desk event for a conversation that kept no case (its state was lost): a case with what the event and profile know.
    private async Task<SupportCase> CaseFromEventAsync(TurnContext context, DeskEventValue value, CancellationToken cancellationToken)
    {
        var profile = await cases.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        var supportCase = SupportCase.Open(context.Activity, value.CaseId ?? string.Empty, context.TimeProvider.GetUtcNow());
        supportCase.Name(profile.Name ?? context.Activity.From?.Name);
        await cases.SetCaseAsync(context, supportCase, cancellationToken).ConfigureAwait(false);
        return supportCase;
    }
}

using SupportBot.Core.Cases;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Handoff;

/// <summary>The prompt keys of handing a case over, waiting, the desk's events and check-ins, with their variables.</summary>
public static class HandoffPrompts
{
    public const string Waiting = "handoff.waiting";

    /// <summary>An amount written while waiting for a colleague ("it was 30 quid"): on the case for them, and said so.</summary>
    public const string AmountNoted = "handoff.amount_noted";

    /// <summary>A question at the brief that the remedy's own wording answers: the answer, and the colleague confirms.</summary>
    public const string QuestionAnswered = "handoff.question_answered";

    /// <summary>After a handoff for fraud: what the customer can do at once (block the card, change the password).</summary>
    public const string FraudAdvice = "handoff.fraud_advice";

    /// <summary>After a handoff for a risk to safety: stay safe first.</summary>
    public const string SafetyAdvice = "handoff.safety_advice";

    /// <summary>"Hello?" while the case waits for a colleague.</summary>
    public const string WaitingPresence = "handoff.waiting_presence";

    /// <summary>"Ok", "cool, thanks", "fine i guess" while the case waits: taken in, and nothing more to do.</summary>
    public const string WaitingOk = "handoff.waiting_ok";

    /// <summary>"Is this a bot?" while the case waits: honestly yes, and a person replies next.</summary>
    public const string WaitingBotIdentity = "handoff.waiting_bot_identity";

    /// <summary>"How long is the wait??" while the case waits and the queue can't be read.</summary>
    public const string WaitUnknown = "handoff.wait_unknown";

    /// <summary>"Not a colleague. A MANAGER." while the case waits: put on the case.</summary>
    public const string ManagerNoted = "handoff.manager_noted";

    /// <summary>"Is there a number I can ring?" while the case waits: none to give, but a colleague can ring them.</summary>
    public const string NoNumberToCall = "handoff.no_number_to_call";

    /// <summary>"Thanks, bye" while the case waits for a colleague.</summary>
    public const string WaitingGoodbye = "handoff.waiting_goodbye";
    public const string WaitingUpset = "handoff.waiting_upset";
    public const string WaitingNobodyFree = "handoff.waiting_nobody_free";
    public const string AskTopic = "handoff.ask_topic";
    public const string CustomerAskedUntold = "handoff.customer_asked_untold";

    /// <summary>A person asked for, and a manager by name ("I want to speak to a manager"): a colleague, with the wish for a manager at the top of the case.</summary>
    public const string CustomerAskedManager = "handoff.customer_asked_manager";
    public const string ReviewBrief = "handoff.review";
    public const string AskCorrection = "handoff.ask_correction";

    /// <summary>"?" or "what do you mean?" at "Have I got that right?": what the read-back is for, and how to answer it.</summary>
    public const string ExplainBrief = "handoff.explain_brief";
    public const string ShowBrief = "handoff.show_brief";
    public const string Arranged = "handoff.arranged";
    public const string Queue = "handoff.queue";
    public const string QueueUpdate = "handoff.update";
    public const string AgentJoined = "handoff.agent_joined";
    public const string NoAgents = "handoff.no_agents";
    public const string CallbackTaken = "handoff.callback_taken";
    public const string CallbackRetry = "handoff.callback_retry";
    public const string QuestionForColleague = "handoff.question_for_colleague";

    /// <summary>At "Have I got that right?", another remedy named ("actually no, just refund me"): changed on the case.</summary>
    public const string RemedyChanged = "handoff.remedy_changed";

    /// <summary>What the customer added at the read-back, kept for the colleague as they wrote it.</summary>
    public const string AdditionNoted = "handoff.addition_noted";

    /// <summary>A colleague turned down at the read-back ("don't bother a colleague, I'll look it up myself").</summary>
    public const string Withdrawn = "handoff.withdrawn";

    /// <summary>The handoff for a remedy the customer asked for in their own words, outside the catalog.</summary>
    public const string OwnRemedy = "handoff.own_remedy";
    public const string CallbackNone = "handoff.callback_none";
    public const string Approved = "handoff.approved";
    public const string Modified = "handoff.modified";
    public const string Denied = "handoff.denied";
    public const string HandedBack = "handoff.returned";
    public const string ClosedByAgent = "handoff.closed";
    public const string FollowUpAsk = "followup.ask";
    public const string FollowUpGlad = "followup.glad";

    /// <summary>The key of what the bot says when it hands over for <paramref name="reason"/>.</summary>
    public static string Handoff(HandoffReason reason) => reason switch
    {
        HandoffReason.RemedyNeedsApproval => "handoff.approval",
        HandoffReason.CustomerAsked => "handoff.customer_asked",
        HandoffReason.FrustrationRising => "handoff.frustration",
        HandoffReason.NotUnderstood => "handoff.not_understood",
        HandoffReason.NotResolved => "handoff.not_resolved",
        HandoffReason.Serious => "handoff.serious",
        HandoffReason.AmountCorrected => "handoff.amount_corrected",
        HandoffReason.RemedyChanged => "handoff.changed_after_request",
        HandoffReason.RemedyUnwanted => "handoff.unwanted_after_request",
        _ => "handoff.open_case",
    };

    /// <summary>The key of what the bot says after a colleague's <paramref name="decision"/>.</summary>
    public static string Decided(AgentDecision decision) => decision switch
    {
        AgentDecision.Modified => Modified,
        AgentDecision.Denied => Denied,
        _ => Approved,
    };

    /// <summary>Every key with its allowed variables.</summary>
    public static IReadOnlyList<PromptDefinition> Definitions { get; } =
    [
        .. Enum.GetValues<HandoffReason>().Select(r => PromptDefinition.Of(Handoff(r), "name", "remedy", "issue")),
        PromptDefinition.Of(Waiting, "name"),
        PromptDefinition.Of(AmountNoted, "name", "amount"),
        PromptDefinition.Of(QuestionAnswered, "name", "answer"),
        PromptDefinition.Of(FraudAdvice, "name"),
        PromptDefinition.Of(SafetyAdvice, "name"),
        PromptDefinition.Of(WaitingGoodbye, "name"),
        PromptDefinition.Of(WaitingPresence, "name"),
        PromptDefinition.Of(WaitingOk, "name"),
        PromptDefinition.Of(WaitingBotIdentity, "name"),
        PromptDefinition.Of(WaitUnknown, "name"),
        PromptDefinition.Of(ManagerNoted, "name"),
        PromptDefinition.Of(NoNumberToCall, "name"),
        PromptDefinition.Of(WaitingUpset, "name"),
        PromptDefinition.Of(WaitingNobodyFree, "name", "position", "hours"),
        PromptDefinition.Of(AskTopic, "name"),
        PromptDefinition.Of(CustomerAskedUntold, "name"),
        PromptDefinition.Of(CustomerAskedManager, "name"),
        PromptDefinition.Of(ReviewBrief, "name", "brief"),
        PromptDefinition.Of(ShowBrief, "name", "brief"),
        PromptDefinition.Of(AskCorrection, "name"),
        PromptDefinition.Of(ExplainBrief, "name"),
        PromptDefinition.Of(Arranged, "name", "remedy"),
        PromptDefinition.Of(Queue, "name", "position", "wait"),
        PromptDefinition.Of(QueueUpdate, "name", "position", "wait"),
        PromptDefinition.Of(AgentJoined, "name", "agent"),
        PromptDefinition.Of(NoAgents, "name", "hours"),
        PromptDefinition.Of(CallbackTaken, "name", "contact"),
        PromptDefinition.Of(CallbackRetry, "name"),
        PromptDefinition.Of(QuestionForColleague, "name"),
        PromptDefinition.Of(RemedyChanged, "name", "remedy"),
        PromptDefinition.Of(AdditionNoted, "name"),
        PromptDefinition.Of(Withdrawn, "name"),
        PromptDefinition.Of(OwnRemedy, "name", "remedy"),
        PromptDefinition.Of(CallbackNone, "name"),
        PromptDefinition.Of(Approved, "name", "agent", "remedy", "note"),
        PromptDefinition.Of(Modified, "name", "agent", "remedy", "note"),
        PromptDefinition.Of(Denied, "name", "agent", "remedy", "note"),
        PromptDefinition.Of(HandedBack, "name", "agent", "recap"),
        PromptDefinition.Of(ClosedByAgent, "name", "agent"),
        PromptDefinition.Of(FollowUpAsk, "name", "issue", "remedy"),
        PromptDefinition.Of(FollowUpGlad, "name"),
    ];
}

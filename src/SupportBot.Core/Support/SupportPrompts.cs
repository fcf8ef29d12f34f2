using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Support;

/// <summary>The prompt keys the support conversation uses and the variables each may contain.</summary>
public static class SupportPrompts
{
    public const string Welcome = "greeting.welcome";
    public const string WelcomeBack = "greeting.welcome_back";
    public const string WelcomeBackOpenCase = "greeting.welcome_back_open_case";
    public const string OpenCaseUpdate = "greeting.open_case_update";
    public const string AskName = "greeting.ask_name";
    public const string WhatHappened = "greeting.what_happened";
    public const string EmpathyNeutral = "empathy.neutral";
    public const string EmpathyImproving = "empathy.improving";
    public const string EmpathyGratitude = "empathy.gratitude";
    public const string CategoryAsk = "categories.ask";
    public const string CategoryRetry = "categories.retry";
    public const string AskAnythingElse = "layers.ask";
    public const string AskAnythingElseAgain = "layers.ask_again";
    public const string AcknowledgeLayer = "layers.acknowledge";
    public const string OfferRemedies = "remedies.offer";
    public const string OfferRetry = "remedies.retry";
    public const string SomethingElse = "remedies.something_else";
    public const string AskOwnRemedy = "remedies.ask_own";
    public const string RemedyGranted = "remedies.granted";
    public const string HandoffWaiting = "handoff.waiting";
    public const string ReviewBrief = "handoff.review";
    public const string HandoffQueue = "handoff.queue";
    public const string HandoffUpdate = "handoff.update";
    public const string AgentJoined = "handoff.agent_joined";
    public const string NoAgents = "handoff.no_agents";
    public const string CallbackTaken = "handoff.callback_taken";
    public const string Approved = "handoff.approved";
    public const string Modified = "handoff.modified";
    public const string Denied = "handoff.denied";
    public const string HandedBack = "handoff.returned";
    public const string ClosedByAgent = "handoff.closed";
    public const string FollowUpAsk = "followup.ask";
    public const string FollowUpGlad = "followup.glad";
    public const string ConfirmResolved = "closing.confirm_resolved";
    public const string AskRating = "closing.rating";
    public const string Thanks = "closing.thanks";
    public const string Help = "closing.help";
    public const string StartOver = "closing.start_over";

    /// <summary>The key of a clarifying question ("questions.order_number").</summary>
    public static string Question(string id) => $"questions.{id}";

    /// <summary>The key of what the bot says when it hands over for <paramref name="reason"/>.</summary>
    public static string Handoff(HandoffReason reason) => reason switch
    {
        HandoffReason.RemedyNeedsApproval => "handoff.approval",
        HandoffReason.CustomerAsked => "handoff.customer_asked",
        HandoffReason.FrustrationRising => "handoff.frustration",
        HandoffReason.NotUnderstood => "handoff.not_understood",
        HandoffReason.NotResolved => "handoff.not_resolved",
        _ => "handoff.open_case",
    };

    /// <summary>Every key with its allowed variables: what the prompt checker holds the files to.</summary>
    public static IReadOnlyList<PromptDefinition> Definitions { get; } =
    [
        PromptDefinition.Of(Welcome, "name"),
        PromptDefinition.Of(WelcomeBack, "name"),
        PromptDefinition.Of(WelcomeBackOpenCase, "name", "open_case"),
        PromptDefinition.Of(OpenCaseUpdate, "name", "open_case"),
        PromptDefinition.Of(AskName),
        PromptDefinition.Of(WhatHappened, "name"),
        PromptDefinition.Of(EmpathyNeutral, "name", "issue", "target"),
        PromptDefinition.Of(EmpathyImproving, "name", "issue", "target"),
        PromptDefinition.Of(EmpathyGratitude, "name", "issue", "target"),
        .. EmpathyPicker.Bands.SelectMany(band => EmpathyPicker.Emotions.Select(emotion => PromptDefinition.Of($"empathy.{band}.{emotion}", "name", "issue", "target"))),
        PromptDefinition.Of(CategoryAsk, "name"),
        PromptDefinition.Of(CategoryRetry, "name"),
        .. SupportCatalog.KnownQuestions.Select(q => PromptDefinition.Of(Question(q), "name", "target", "issue")),
        PromptDefinition.Of(AskAnythingElse, "name"),
        PromptDefinition.Of(AskAnythingElseAgain, "name"),
        PromptDefinition.Of(AcknowledgeLayer, "name", "issue"),
        PromptDefinition.Of(OfferRemedies, "name", "issue", "target"),
        PromptDefinition.Of(OfferRetry, "name"),
        PromptDefinition.Of(SomethingElse),
        PromptDefinition.Of(AskOwnRemedy, "name"),
        PromptDefinition.Of(RemedyGranted, "name", "remedy", "next_steps"),
        .. Enum.GetValues<HandoffReason>().Select(r => PromptDefinition.Of(Handoff(r), "name", "remedy", "issue")),
        PromptDefinition.Of(HandoffWaiting, "name"),
        PromptDefinition.Of(ReviewBrief, "name", "brief"),
        PromptDefinition.Of(HandoffQueue, "name", "position", "wait"),
        PromptDefinition.Of(HandoffUpdate, "name", "position", "wait"),
        PromptDefinition.Of(AgentJoined, "name", "agent"),
        PromptDefinition.Of(NoAgents, "name", "hours"),
        PromptDefinition.Of(CallbackTaken, "name", "contact"),
        PromptDefinition.Of(Approved, "name", "agent", "remedy", "note"),
        PromptDefinition.Of(Modified, "name", "agent", "remedy", "note"),
        PromptDefinition.Of(Denied, "name", "agent", "remedy", "note"),
        PromptDefinition.Of(HandedBack, "name", "agent", "recap"),
        PromptDefinition.Of(ClosedByAgent, "name", "agent"),
        PromptDefinition.Of(FollowUpAsk, "name", "issue", "remedy"),
        PromptDefinition.Of(FollowUpGlad, "name"),
        PromptDefinition.Of(ConfirmResolved, "name"),
        PromptDefinition.Of(AskRating, "name"),
        PromptDefinition.Of(Thanks, "name"),
        PromptDefinition.Of(Help, "name"),
        PromptDefinition.Of(StartOver, "name"),
    ];
}

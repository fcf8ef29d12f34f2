using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Support;

/// <summary>The prompt keys the support conversation uses and the variables each may contain (with handing over's, <see cref="HandoffPrompts"/>).</summary>
public static class SupportPrompts
{
    public const string Welcome = "greeting.welcome";
    public const string WelcomeBack = "greeting.welcome_back";
    public const string WelcomeBackOpenCase = "greeting.welcome_back_open_case";
    public const string OpenCaseUpdate = "greeting.open_case_update";
    public const string AskName = "greeting.ask_name";
    public const string WhatHappened = "greeting.what_happened";
    public const string GreetedBack = "greeting.greeted_back";
    public const string TellMeMore = "greeting.tell_me_more";

    /// <summary>What happened, asked after the bot has said what it is (the first message only asked "is this a bot?").</summary>
    public const string AfterBotIdentity = "greeting.after_bot_identity";
    public const string Praised = "greeting.praised";
    public const string SuggestionThanks = "questions.suggestion_thanks";
    public const string SuggestionOffer = "questions.suggestion_offer";
    public const string AmountCorrected = CaseAmounts.CorrectedPrompt;
    public const string CategoryCorrected = "corrections.category";
    public const string CategoryCorrectedNot = "corrections.category_not";
    public const string OrderNumberCorrected = CaseOrderNumber.CorrectedPrompt;
    public const string WhenCorrected = CaseWhen.CorrectedPrompt;
    public const string NoOrderNumber = "questions.no_order_number";
    public const string QuestionAcknowledge = "questions.acknowledge";
    public const string QuestionAnswered = "questions.did_that_answer";
    public const string QuestionHelped = "questions.helped";
    public const string QuestionOffer = "questions.offer_colleague";
    public const string QuestionOfferAfterAnswer = "questions.offer_after_answer";
    public const string QuestionLeft = "questions.left_with_customer";
    public const string OrderNumberAgain = "questions.order_number_again";
    public const string AlreadyTold = "questions.already_told";
    public const string Missed = "questions.missed";
    public const string MissedCarryOn = "questions.missed_carry_on";
    public const string MissedNoted = "questions.missed_noted";
    public const string Noted = "questions.noted";

    /// <summary>Said when the customer asks what the bot will do while a clarifying question is open; then, asked again, <see cref="ToTheFix"/>.</summary>
    public const string WhatNext = "questions.what_next";
    public const string ToTheFix = "questions.to_the_fix";

    /// <summary>Asked what they tried, the customer asks what they could try: nothing yet, and that's fine.</summary>
    public const string NothingTriedYet = "questions.nothing_tried_yet";
    public const string NotKnown = "questions.not_known";
    public const string Declined = "questions.declined";
    public const string EmpathyNeutral = "empathy.neutral";
    public const string EmpathyImproving = "empathy.improving";
    public const string EmpathyGratitude = "empathy.gratitude";
    public const string EmpathySerious = "empathy.serious";
    public const string CategoryAsk = "categories.ask";
    public const string CategoryRetry = "categories.retry";
    public const string CategoryAlreadyTold = "categories.already_told";
    public const string AskAnythingElse = "layers.ask";
    public const string AskAnythingElseAgain = "layers.ask_again";
    public const string WhyAnythingElse = "layers.why";
    public const string AcknowledgeLayer = "layers.acknowledge";
    public const string TellMore = "layers.tell_more";
    public const string LayersHowLong = "layers.how_long";
    public const string LayersQuestion = "layers.question";

    /// <summary>Asked if anything else bothers them, the customer puts right what they said before ("sorry I meant the 12th").</summary>
    public const string LayersCorrected = "layers.corrected";
    public const string OfferRemedies = "remedies.offer";
    public const string OfferRetry = "remedies.retry";
    public const string SomethingElse = "remedies.something_else";

    /// <summary>A refund's title when what is in dispute is an overcharge (variable: amount).</summary>
    public const string OverchargeRefund = "remedies.overcharge_refund";

    /// <summary>The title of a refund when the case is a payment taken twice: the duplicate back, the order kept.</summary>
    public const string DuplicateRefund = "remedies.duplicate_refund";
    public const string AskOwnRemedy = "remedies.ask_own";

    /// <summary>Offered a remedy, the customer said nothing needs doing ("I'm happy to wait").</summary>
    public const string NothingWanted = "remedies.nothing_wanted";
    public const string RemedyGranted = "remedies.granted";
    public const string RemedyAbout = "remedies.about";

    /// <summary>What the chosen remedy involves, when asked at the question of what it cost.</summary>
    public const string RemedyAboutChosen = "remedies.about_chosen";
    public const string AskAmount = "remedies.ask_amount";
    public const string ConfirmResolved = "closing.confirm_resolved";
    public const string AskRating = "closing.rating";
    public const string Thanks = "closing.thanks";
    public const string YouAreWelcome = "closing.you_are_welcome";
    public const string Help = "closing.help";

    /// <summary>"Are you a bot?": what it is, honestly, and the way to a person.</summary>
    public const string BotIdentity = "closing.bot_identity";
    public const string StartOver = "closing.start_over";

    /// <summary>
    /// The variables a remedy's wording in <c>dialogs/catalog/remedies.yaml</c> (<c>next_steps</c>, <c>about</c>, <c>asked</c>,
    /// <c>done</c>) may use, checked and filled as a prompt's are: the customer's first name and the amount the remedy
    /// is for.
    /// </summary>
    public static PromptDefinition NextSteps { get; } = new("remedies.next_steps", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = PromptCatalog.DefaultFallback("name"),
        ["amount"] = "the full amount",
    });

    /// <summary>The key of a clarifying question ("questions.order_number").</summary>
    public static string Question(string id) => $"questions.{id}";

    /// <summary>The key of the narrower question asked once more when the customer's earlier words don't hold the answer ("questions.narrow.product").</summary>
    public static string Narrow(string id) => $"questions.narrow.{id}";

    /// <summary>The key of the reason a clarifying question is asked, with the question again, for "why do you need that?" ("questions.why.when").</summary>
    public static string Why(string id) => $"questions.why.{id}";

    /// <summary>The key of a clarifying question asked once more after a reply that didn't answer it ("questions.again.when").</summary>
    public static string Again(string id) => $"questions.again.{id}";

    /// <summary>A line saying what the bot caught of the problem ({issue}), with a fallback for a problem it could not turn into words.</summary>
    private static PromptDefinition Caught(string key) => new(key, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = PromptCatalog.DefaultFallback("name"),
        ["issue"] = "what went wrong",
    });

    /// <summary>Every key with its allowed variables: what the prompt checker holds the files to.</summary>
    public static IReadOnlyList<PromptDefinition> Definitions { get; } =
    [
        PromptDefinition.Of(Welcome, "name"),
        PromptDefinition.Of(WelcomeBack, "name"),
        PromptDefinition.Of(WelcomeBackOpenCase, "name", "open_case"),
        PromptDefinition.Of(OpenCaseUpdate, "name", "open_case"),
        PromptDefinition.Of(AskName),
        PromptDefinition.Of(WhatHappened, "name"),
        PromptDefinition.Of(GreetedBack, "name"),
        PromptDefinition.Of(TellMeMore, "name"),
        PromptDefinition.Of(AfterBotIdentity, "name"),
        PromptDefinition.Of(Praised, "name"),
        PromptDefinition.Of(SuggestionThanks, "name"),
        PromptDefinition.Of(SuggestionOffer, "name"),
        PromptDefinition.Of(AmountCorrected, "name", "amount", "item"),
        PromptDefinition.Of(OrderNumberCorrected, "name", "order"),
        PromptDefinition.Of(WhenCorrected, "name", "when"),
        PromptDefinition.Of(CategoryCorrected, "name", "what"),
        PromptDefinition.Of(CategoryCorrectedNot, "name", "what", "not"),
        PromptDefinition.Of(NoOrderNumber, "name"),
        PromptDefinition.Of(QuestionAcknowledge, "name"),
        PromptDefinition.Of(QuestionAnswered, "name"),
        PromptDefinition.Of(QuestionHelped, "name"),
        PromptDefinition.Of(QuestionOffer, "name"),
        PromptDefinition.Of(QuestionOfferAfterAnswer, "name"),
        PromptDefinition.Of(QuestionLeft, "name"),
        PromptDefinition.Of(OrderNumberAgain, "name"),
        PromptDefinition.Of(AlreadyTold, "name", "said"),
        Caught(Missed),
        Caught(MissedCarryOn),
        PromptDefinition.Of(Missed + ".plain", "name"),
        PromptDefinition.Of(MissedCarryOn + ".plain", "name"),
        PromptDefinition.Of(MissedNoted, "name"),
        PromptDefinition.Of(Noted, "name"),
        PromptDefinition.Of(WhatNext, "name"),
        PromptDefinition.Of(ToTheFix, "name"),
        PromptDefinition.Of(NothingTriedYet, "name"),
        PromptDefinition.Of(NotKnown, "name"),
        PromptDefinition.Of(Declined, "name"),
        .. SupportCatalog.KnownQuestions.Select(q => PromptDefinition.Of(Why(q), "name")),
        .. SupportCatalog.KnownQuestions.Where(q => q != "order_number").Select(q => PromptDefinition.Of(Again(q), "name")),
        .. SupportCatalog.EssentialQuestions.Order(StringComparer.Ordinal).Select(q => PromptDefinition.Of(Narrow(q), "name")),
        PromptDefinition.Of(EmpathyNeutral, "name", "issue", "target"),
        PromptDefinition.Of(EmpathyImproving, "name", "issue", "target"),
        PromptDefinition.Of(EmpathyGratitude, "name", "issue", "target"),
        PromptDefinition.Of(EmpathySerious, "name", "issue", "target"),
        .. EmpathyPicker.Bands.SelectMany(band => EmpathyPicker.Emotions.Select(emotion => PromptDefinition.Of($"empathy.{band}.{emotion}", "name", "issue", "target"))),
        .. ThreatReader.Kinds.Select(threat => PromptDefinition.Of($"empathy.threat.{threat}", "name", "issue", "target")),
        PromptDefinition.Of(CategoryAsk, "name"),
        PromptDefinition.Of(CategoryRetry, "name"),
        Caught(CategoryAlreadyTold),
        PromptDefinition.Of(CategoryAlreadyTold + ".plain", "name"),
        .. SupportCatalog.KnownQuestions.Select(q => PromptDefinition.Of(Question(q), "name", "target", "issue")),
        PromptDefinition.Of(AskAnythingElse, "name"),
        PromptDefinition.Of(AskAnythingElseAgain, "name"),
        PromptDefinition.Of(WhyAnythingElse, "name"),
        PromptDefinition.Of(AcknowledgeLayer, "name", "issue"),
        PromptDefinition.Of(TellMore, "name"),
        PromptDefinition.Of(LayersHowLong, "name"),
        PromptDefinition.Of(LayersQuestion, "name"),
        PromptDefinition.Of(LayersCorrected, "name", "fact"),
        PromptDefinition.Of(OfferRemedies, "name", "issue", "target"),
        PromptDefinition.Of(OfferRetry, "name"),
        PromptDefinition.Of(SomethingElse),
        PromptDefinition.Of(OverchargeRefund, "amount"),
        PromptDefinition.Of(DuplicateRefund),
        PromptDefinition.Of(AskOwnRemedy, "name"),
        PromptDefinition.Of(NothingWanted, "name"),
        PromptDefinition.Of(RemedyGranted, "name", "remedy", "next_steps"),
        PromptDefinition.Of(RemedyAbout, "name", "about"),
        PromptDefinition.Of(RemedyAboutChosen, "name", "about"),
        new(AskAmount, new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = PromptCatalog.DefaultFallback("name"), ["item"] = "it", ["remedy"] = "this" }),
        .. HandoffPrompts.Definitions,
        .. FulfilmentPrompts.Definitions,
        PromptDefinition.Of(ConfirmResolved, "name"),
        PromptDefinition.Of(AskRating, "name"),
        PromptDefinition.Of(Thanks, "name"),
        PromptDefinition.Of(YouAreWelcome, "name"),
        PromptDefinition.Of(Help, "name"),
        PromptDefinition.Of(BotIdentity, "name"),
        PromptDefinition.Of(StartOver, "name"),
    ];
}

using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Support;

/// <summary>The prompt keys the support conversation uses and the variables each may contain.</summary>
public static class SupportPrompts
{
    public const string Welcome = "greeting.welcome";
    public const string EmpathyNeutral = "empathy.neutral";
    public const string EmpathyMild = "empathy.mild";
    public const string EmpathySevere = "empathy.severe";
    public const string CategoryAsk = "categories.ask";
    public const string CategoryRetry = "categories.retry";
    public const string CategoryDelivery = "categories.delivery";
    public const string CategoryDefect = "categories.defect";
    public const string CategoryBilling = "categories.billing";
    public const string CategoryOther = "categories.other";
    public const string OutcomeAsk = "remedies.ask_outcome";
    public const string HandoffConfirm = "handoff.confirm";
    public const string HandoffConfirmRetry = "handoff.confirm_retry";
    public const string Summary = "handoff.summary";
    public const string HandoffPassed = "handoff.passed";
    public const string HandoffRequested = "handoff.requested";
    public const string KeptOnFile = "closing.kept_on_file";
    public const string Help = "closing.help";
    public const string StartOver = "closing.start_over";

    /// <summary>Every key with its allowed variables: what the prompt checker holds the files to.</summary>
    public static IReadOnlyList<PromptDefinition> Definitions { get; } =
    [
        PromptDefinition.Of(Welcome, "name"),
        PromptDefinition.Of(EmpathyNeutral, "name", "issue"),
        PromptDefinition.Of(EmpathyMild, "name", "issue"),
        PromptDefinition.Of(EmpathySevere, "name", "issue"),
        PromptDefinition.Of(CategoryAsk, "name"),
        PromptDefinition.Of(CategoryRetry, "name"),
        PromptDefinition.Of(CategoryDelivery),
        PromptDefinition.Of(CategoryDefect),
        PromptDefinition.Of(CategoryBilling),
        PromptDefinition.Of(CategoryOther),
        PromptDefinition.Of(OutcomeAsk, "name"),
        PromptDefinition.Of(HandoffConfirm, "name"),
        PromptDefinition.Of(HandoffConfirmRetry, "name"),
        PromptDefinition.Of(Summary, "name", "issue", "category", "outcome"),
        PromptDefinition.Of(HandoffPassed, "name"),
        PromptDefinition.Of(HandoffRequested, "name"),
        PromptDefinition.Of(KeptOnFile, "name"),
        PromptDefinition.Of(Help, "name"),
        PromptDefinition.Of(StartOver, "name"),
    ];
}

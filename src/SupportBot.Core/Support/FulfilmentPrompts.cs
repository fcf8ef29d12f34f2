using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Support;

/// <summary>
/// The prompt keys for carrying remedies out (<c>dialogs/fulfilment.yaml</c>) and the variables each may use. The
/// wording of each remedy's action (what is said before it is confirmed, and once it is) lives in the catalog; these
/// are the lines around it. Those said only once an action is confirmed are marked so, and only they may say it is done.
/// </summary>
public static class FulfilmentPrompts
{
    public const string CheckEmail = "remedies.check_email";
    public const string Failed = "fulfilment.failed";
    public const string StillPending = "fulfilment.still_pending";
    public const string StillPendingUpset = "fulfilment.still_pending_upset";

    /// <summary>A question the promise does not answer ("and I won't be charged in April?"): kept for the team, and the promise again.</summary>
    public const string QuestionNoted = "fulfilment.question_noted";
    public const string Thanks = "fulfilment.thanks";

    /// <summary>"It worked, thanks" before the action is confirmed: glad it's sorted, and it will still be confirmed here.</summary>
    public const string Worked = "fulfilment.worked";

    /// <summary>"Thanks, bye" while an action is under way: a goodbye, and where they will hear how it went.</summary>
    public const string Goodbye = "fulfilment.goodbye";

    /// <summary>A question the remedy's promise or its about answers ("will I get an email?"): the answer, from them.</summary>
    public const string QuestionAnswered = "fulfilment.question_answered";
    public const string Noted = "fulfilment.noted";
    public const string ContactNoted = "fulfilment.contact_noted";
    public const string Reference = "fulfilment.reference";
    public const string Tracking = "fulfilment.tracking";
    public const string Note = "fulfilment.note";
    public const string ByColleague = "fulfilment.by_colleague";
    public const string Asked = "fulfilment.asked";
    public const string Done = "fulfilment.done";

    private static Dictionary<string, string> StillPendingVariables => new(StringComparer.Ordinal)
    {
        ["name"] = PromptCatalog.DefaultFallback("name"),
        ["remedy"] = "what we agreed",
        ["promise"] = "it's with the team that carries it out, and I'll tell you here as soon as it's done.",
    };

    public static IReadOnlyList<PromptDefinition> Definitions { get; } =
    [
        new(CheckEmail, new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = PromptCatalog.DefaultFallback("name"), ["account"] = "the email address on your account" }),
        PromptDefinition.Of(Failed, "name", "remedy"),
        new(StillPending, StillPendingVariables),
        new(StillPendingUpset, StillPendingVariables),
        new(QuestionNoted, StillPendingVariables),
        PromptDefinition.Of(Thanks, "name"),
        PromptDefinition.Of(Worked, "name"),
        PromptDefinition.Of(Goodbye, "name"),
        PromptDefinition.Of(QuestionAnswered, "name", "answer"),
        PromptDefinition.Of(Noted, "name"),
        PromptDefinition.Of(ContactNoted, "name", "contact"),
        PromptDefinition.Of(Asked, "name", "remedy"),
        PromptDefinition.Of(Done, "name", "remedy") with { ConfirmedOutcome = true },
        PromptDefinition.Of(Reference, "reference") with { ConfirmedOutcome = true },
        PromptDefinition.Of(Tracking, "tracking_url") with { ConfirmedOutcome = true },
        PromptDefinition.Of(Note, "message") with { ConfirmedOutcome = true },
        PromptDefinition.Of(ByColleague, "agent") with { ConfirmedOutcome = true },
    ];
}

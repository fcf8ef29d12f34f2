namespace SupportBot.Benchmarks.Load;

/// <summary>
/// The five-turn flow of the Bot Framework reference bot (../shared/peer), and the checks on each turn's replies.
/// The checks are semantic (first name, offered category, a question, a confirm, the summary's facts), not wording.
/// </summary>
internal sealed class ReferenceFlow : ConversationFlow
{
    public override string Name => "reference";

    public override int TurnCount => 5;

    /// <summary>The category the customer picks in turn 3 by sending "1".</summary>
    public const string Category = "delivery";

    // Free-text complaints with 1, 2, 3+ and 0 words of the peer's negative list, so every empathy branch runs.
    // None contains the category word (so the summary check on "delivery" is meaningful), quotes or apostrophes.
    private static readonly string[] Complaints =
    [
        "my order never arrived and nobody answers my emails",
        "the parcel is late and the tracking page is useless",
        "I am furious, the package was lost and the courier was not helpful at all",
        "the courier left my box at the neighbours house without telling me",
    ];

    private static readonly string[] Outcomes =
    [
        "a replacement sent this week",
        "a full refund to my card",
        "a call from a manager tomorrow morning",
        "free express shipping on the resend",
    ];

    private static string Complaint(int worker, long conversation) => Complaints[(worker + conversation) % Complaints.Length];

    private static string Outcome(int worker, long conversation) => Outcomes[(worker + (3 * conversation) + 1) % Outcomes.Length];

    public override string Say(int turn, int worker, long conversation) => Say(turn, Complaint(worker, conversation), Outcome(worker, conversation));

    public override string? Check(int turn, Replies replies, int worker, long conversation) => Check(turn, replies, Complaint(worker, conversation), Outcome(worker, conversation));

    private static string Say(int turn, string complaint, string outcome) => turn switch
    {
        0 => "hi",
        1 => complaint,
        2 => "1",
        3 => outcome,
        4 => "yes",
        _ => throw new ArgumentOutOfRangeException(nameof(turn)),
    };

    private static string? Check(int turn, Replies replies, string complaint, string outcome)
    {
        if (replies.MessageCount == 0)
        {
            return "no message activity in the replies";
        }

        switch (turn)
        {
            case 0:
                return replies.TextContainsWord(ActivityWriter.CustomerFirstName)
                    ? null
                    : $"the greeting does not name the customer ('{ActivityWriter.CustomerFirstName}')";
            case 1:
                if (replies.Texts.Count == 0)
                {
                    return "no text (empathy sentence and choice prompt expected)";
                }

                return replies.Offers(Category) ? null : $"the choice prompt does not offer '{Category}'";
            case 2:
                return replies.Texts.Count > 0 ? null : "no text (a question about the wanted outcome expected)";
            case 3:
                return replies.AsksQuestion() || (replies.Offers("yes") && replies.Offers("no"))
                    ? null
                    : "no confirm prompt (neither a question nor yes/no choices)";
            case 4:
                if (!replies.TextContains(complaint))
                {
                    return "the summary does not contain the complaint text";
                }

                if (!replies.TextContainsWord(Category))
                {
                    return $"the summary does not name the category '{Category}'";
                }

                return replies.TextContains(outcome) ? null : "the summary does not contain the outcome text";
            default:
                throw new ArgumentOutOfRangeException(nameof(turn));
        }
    }
}

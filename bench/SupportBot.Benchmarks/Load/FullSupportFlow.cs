namespace SupportBot.Benchmarks.Load;

/// <summary>
/// SupportBot's whole support conversation, seven turns: greeting; a complaint that already carries its order number,
/// date and amount (so those clarifying questions are skipped) answered with an empathy line and the remaining
/// question; what was tried; "anything else?"; the remedy offer; the remedy granted with a confirm; the rating and
/// the thanks. Checks are semantic (the name, a question, the offered remedy, yes/no and 1-5 buttons).
/// </summary>
internal sealed class FullSupportFlow : ConversationFlow
{
    // Delivery complaints of growing heat, each with an order number, a date and an amount under the automatic limit.
    private static readonly string[] Complaints =
    [
        "my parcel never arrived, order 48213, ordered two weeks ago for $60",
        "I am furious, the package from order 55120 was lost, I paid $45 three weeks ago",
        "the courier left my parcel outside in the rain, order 77012, it was $80, last Monday",
        "still waiting for my parcel, order 90211 from last week, it cost $30 and nobody answers my emails",
    ];

    public override string Name => "support";

    public override int TurnCount => 7;

    public override string Say(int turn, int worker, long conversation) => turn switch
    {
        0 => "hi",
        1 => Complaints[(worker + conversation) % Complaints.Length],
        2 => "I emailed twice already",
        3 => "no",
        4 => "1",
        5 => "yes",
        6 => "5",
        _ => throw new ArgumentOutOfRangeException(nameof(turn)),
    };

    public override string? Check(int turn, Replies replies, int worker, long conversation)
    {
        if (replies.MessageCount == 0)
        {
            return "no message activity in the replies";
        }

        var name = ActivityWriter.CustomerFirstName;
        return turn switch
        {
            0 => replies.TextContainsWord(name) ? null : $"the greeting does not name the customer ('{name}')",
            1 => replies.MessageCount >= 2 && replies.TextContainsWord(name) && replies.TextContains("?") ? null : "expected an empathy line naming the customer, then a question",
            2 => replies.TextContains("?") ? null : "expected \"is anything else bothering you?\"",
            3 => replies.Offers("Something else") && replies.Offers("A replacement sent by express delivery, at no cost") ? null : "expected the delivery remedies offered",
            4 => replies.TextContains("express") && replies.Offers("yes") && replies.Offers("no") ? null : "expected the express replacement granted and a yes/no question",
            5 => replies.Offers("1") && replies.Offers("5") ? null : "expected a 1 to 5 rating",
            6 => replies.TextContainsWord(name) ? null : "expected thanks by name",
            _ => throw new ArgumentOutOfRangeException(nameof(turn)),
        };
    }
}

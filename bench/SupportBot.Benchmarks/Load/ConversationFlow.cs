namespace SupportBot.Benchmarks.Load;

/// <summary>A scripted conversation the load generator walks: what the customer says at each turn, and the checks on the replies.</summary>
internal abstract class ConversationFlow
{
    public abstract string Name { get; }

    public abstract int TurnCount { get; }

    /// <summary>What the customer sends in <paramref name="turn"/> (0-based) of a worker's conversation.</summary>
    public abstract string Say(int turn, int worker, long conversation);

    /// <summary>Checks the replies to <paramref name="turn"/>; returns why they fail, or null when they pass.</summary>
    public abstract string? Check(int turn, Replies replies, int worker, long conversation);

    /// <summary>The flow named on the command line: "reference" (the peer's five steps) or "support" (SupportBot's full conversation).</summary>
    public static ConversationFlow? Named(string name) => name switch
    {
        "reference" => new ReferenceFlow(),
        "support" => new FullSupportFlow(),
        _ => null,
    };
}

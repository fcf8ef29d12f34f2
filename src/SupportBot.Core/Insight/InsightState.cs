using SupportBot.Core.Cases;

namespace SupportBot.Core.Insight;

/// <summary>What the facts recorder keeps between a conversation's turns, in its conversation state.</summary>
internal sealed class InsightState
{
    /// <summary>The facts row of the case under way.</summary>
    public string? FactsId { get; set; }

    /// <summary>When that case opened: a different one means a new case.</summary>
    public DateTimeOffset CaseOpenedAt { get; set; }

    /// <summary>The prompts shown since the customer's last turn, waiting to hear what followed.</summary>
    public List<ShownPrompt> Pending { get; set; } = [];

    public int PromptsShown { get; set; }

    public int MoodsSeen { get; set; }

    public int GrantsSeen { get; set; }

    public int CustomerTurns { get; set; }

    public string? HandoffSeen { get; set; }

    public string? LastStep { get; set; }

    public bool AgentSeen { get; set; }

    /// <summary>
    /// Lines rendered in recent turns but not sent then: a prompt's retry, which its prompt sends from the dialog
    /// state on a later turn without rendering it again.
    /// </summary>
    public List<VoiceLine> Unsent { get; set; } = [];
}

namespace SupportBot.Core.Support;

/// <summary>What the support conversation has learned so far; persisted with the dialog stack, so it survives restarts.</summary>
public sealed class SupportCase
{
    public string CaseId { get; set; } = string.Empty;

    public string? FullName { get; set; }

    public string? FirstName { get; set; }

    /// <summary>The problem in the customer's own words (their first description).</summary>
    public string? Complaint { get; set; }

    /// <summary>The problem turned to face the customer, for empathy lines ("your refund still hasn't arrived").</summary>
    public string? Mirrored { get; set; }

    /// <summary>What the customer feels most negatively about, when the analyzer names it ("refund").</summary>
    public string? Target { get; set; }

    public string? Category { get; set; }

    /// <summary>True when the category was picked by the customer rather than recognized.</summary>
    public bool CategoryAsked { get; set; }

    public List<ClarifyingAnswer> Answers { get; set; } = [];

    public List<string> UnderlyingIssues { get; set; } = [];

    /// <summary>How the customer felt at each of their turns, in order.</summary>
    public List<MoodReading> Moods { get; set; } = [];

    /// <summary>Ids of the prompt variants already said, so no empathy line is repeated.</summary>
    public List<string> UsedPromptIds { get; set; } = [];

    public List<string> RemediesOffered { get; set; } = [];

    public string? RemedyId { get; set; }

    /// <summary>The customer's own words when none of the offered remedies suited them.</summary>
    public string? RemedyWanted { get; set; }

    public decimal? Amount { get; set; }

    public bool Resolved { get; set; }

    public int? Rating { get; set; }

    /// <summary>True when this conversation continues a case a colleague already has.</summary>
    public bool FollowsOpenCase { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>What the customer fixed or added when shown the brief before the handoff.</summary>
    public string? CustomerAddition { get; set; }

    /// <summary>Every answer and description so far, for spotting answers given before the question.</summary>
    public string AllText() => string.Join(" \n", new[] { Complaint }.Concat(Answers.Select(a => a.Answer)).Concat(UnderlyingIssues).Where(t => t is not null));
}

/// <summary>A handoff waiting for the customer to review the brief: the case, why, and why the remedy needs approval.</summary>
public sealed record HandoffDraft(SupportCase Case, HandoffReason Reason, string? ApprovalReason);

/// <summary>A clarifying question and the customer's answer (or the words that already answered it).</summary>
public sealed record ClarifyingAnswer(string QuestionId, string Question, string Answer);

/// <summary>How the customer felt at one of their turns.</summary>
public sealed record MoodReading(int Turn, string Label, double Compound, double Intensity, IReadOnlyList<string> Emotions)
{
    /// <summary>How strongly negative the turn was: its intensity when negative, else 0.</summary>
    public double NegativeIntensity => Compound <= -0.05 ? Intensity : 0;
}

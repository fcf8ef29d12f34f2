namespace SupportBot.Core.Support;

/// <summary>What the support conversation has learned so far; persisted with the dialog stack.</summary>
public sealed class SupportCase
{
    public string? FullName { get; set; }

    public string? FirstName { get; set; }

    public string? Issue { get; set; }

    public int NegativeWords { get; set; }

    public string? Category { get; set; }

    public string? Outcome { get; set; }

    public bool HandoffRequested { get; set; }
}

namespace SupportBot.Core.Handoff;

/// <summary>The outcome of an agent's accept.</summary>
public enum AcceptOutcome
{
    Accepted,
    TakenByAnother,
    NotFound,
}

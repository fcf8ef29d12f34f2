namespace SupportBot.Core.State;

/// <summary>
/// One case on the agents' desk as its table keeps it: where it stands (<see cref="Status"/>; every status but
/// <c>closed</c> is open), when it was handed over and taken, and its content (<see cref="Json"/>). What the content
/// means belongs to the desk.
/// </summary>
public sealed record DeskRow(string CaseId, string Status, DateTimeOffset Created, DateTimeOffset? Accepted, string Json)
{
    /// <summary>The status of a case that left the queue.</summary>
    public const string Closed = "closed";

    /// <summary>
    /// The version it was read at. A write from a version (above 0) is refused once someone changed the row since,
    /// so of two writers exactly one changes it; version 0 writes the row whatever is there (a case handed over).
    /// </summary>
    public long Version { get; init; }
}

namespace SupportBot.Core.Handoff;

/// <summary>What the conversation does after a desk event (<see cref="Next"/>), with the event's value for the dialog that follows.</summary>
public sealed record DeskEventOutcome(AfterDeskEvent Next, DeskEventValue Value);

namespace SupportBot.Web.Fulfilment;

/// <summary>A colleague marking an action done by hand: the reference to give the customer, and a note for them.</summary>
public sealed record ActionDoneRequest(string? Reference, string? Message);

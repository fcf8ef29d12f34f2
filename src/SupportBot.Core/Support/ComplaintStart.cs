namespace SupportBot.Core.Support;

/// <summary>
/// How the complaint part begins: with the problem already told (in the first message, or in answer to "what's your
/// name?"), after greeting back a customer whose reply only said hello, or for a customer who asked for a person
/// before saying what it is about (asked once, in a line, so the colleague can start straight away). A first message
/// that says too little to act on ("I need some help", "Awaiting response") is <see cref="Vague"/>: the bot asks once
/// what is going on, and keeps both messages as the complaint. A first message that only <see cref="Praised"/> ("I love
/// your app!") is thanked, and the customer asked whether there is anything to help with. A first message that only
/// asks whether this is a bot (<see cref="AskedIfBot"/>) is answered honestly before the bot asks what happened.
/// </summary>
public sealed record ComplaintStart(string? Complaint = null, bool GreetedBack = false, bool WantsPerson = false, string? Vague = null, bool Praised = false, bool AskedIfBot = false);

namespace SupportBot.Core.Sentiment;

/// <summary>
/// Something the customer has an opinion about ("refund", "delivery") and how they feel about it: Azure AI
/// Language's opinion mining target, which the empathy and clarifying steps can name.
/// </summary>
public sealed record OpinionTarget(string Text, SentimentLabel Label);

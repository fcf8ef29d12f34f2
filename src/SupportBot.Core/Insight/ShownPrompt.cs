namespace SupportBot.Core.Insight;

/// <summary>
/// A prompt variant the customer was shown, with how heated they were when it was said (0 calm to 3 furious). It is
/// recorded as <see cref="Outcomes.Left"/> and changed by the customer's next turn (<see cref="PromptFollowed"/>).
/// </summary>
public sealed record ShownPrompt(string Id, string ConversationFactsId, string ChannelId, string Key, string VariantId, DateTimeOffset ShownAt, int HeatBefore);

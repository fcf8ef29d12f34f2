namespace SupportBot.Web.Channels;

/// <summary>
/// What a valid channel token says about the activities it may carry: whether the Bot Framework issued it (then its
/// <c>serviceurl</c> claim must match the activity's) and the channels its signing key is endorsed for.
/// </summary>
public sealed record ChannelToken(bool FromBotFramework, string? ServiceUrl, IReadOnlyCollection<string> Endorsements);

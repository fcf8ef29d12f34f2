using SupportBot.Core.Activities;

namespace SupportBot.Core.State;

/// <summary>State scoped to one conversation on one channel: the dialog stack lives here.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    public override string? GetStorageKey(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId is { Length: > 0 } channel && activity.Conversation?.Id is { Length: > 0 } conversation
            ? $"{channel}/conversations/{conversation}"
            : null;
    }
}

using SupportBot.Core.Activities;

namespace SupportBot.Core.State;

/// <summary>State scoped to one user on one channel, across their conversations: name, open case, history.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    public override string? GetStorageKey(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId is { Length: > 0 } channel && activity.From?.Id is { Length: > 0 } user
            ? $"{channel}/users/{user}"
            : null;
    }
}

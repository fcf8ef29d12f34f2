using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// The event through which the server tells a conversation how an action went. Like the desk's events it carries
/// <see cref="DeskEvents.CallerId"/>, which no client can set, and runs as a turn of the conversation.
/// </summary>
public static class FulfilmentEvents
{
    public const string Outcome = "fulfilment.outcome";

    /// <summary>The outcome event for the conversation of <paramref name="reference"/>.</summary>
    public static Activity For(ConversationReference reference, IReadOnlyList<FulfilmentOutcome> outcomes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = Outcome,
            Id = $"fulfilment-{Guid.NewGuid():N}",
            CallerId = DeskEvents.CallerId,
            ChannelId = reference.ChannelId,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            ServiceUrl = reference.ServiceUrl,
            Locale = reference.Locale,
            Timestamp = now,
            Value = JsonSerializer.SerializeToElement(new FulfilmentOutcomes(outcomes), StateJson.Options),
        };
    }

    /// <summary>The outcomes an event carries (none when it carries none).</summary>
    public static IReadOnlyList<FulfilmentOutcome> Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } json
            ? json.Deserialize<FulfilmentOutcomes>(StateJson.Options)?.Outcomes ?? []
            : [];
    }
}

using SupportBot.Core.Activities;

namespace SupportBot.Core.Handoff;

/// <summary>
/// How a colleague who has taken over appears in the customer's conversation: what they say goes out under their own
/// name and an id of their own (starting with <see cref="IdPrefix"/>), with role <c>bot</c> like everything the bot's
/// side sends, so a channel can show them apart from the bot's lines.
/// </summary>
public static class ColleagueAccount
{
    public const string IdPrefix = "agent:";

    /// <summary>The <c>from</c> of a colleague's messages: <paramref name="name"/> as customers see it, and their own <paramref name="id"/>.</summary>
    public static ChannelAccount For(string name, string id) => new() { Id = IdPrefix + id, Name = name, Role = "bot" };

    /// <summary>Whether <paramref name="activity"/> is a colleague's message or typing, relayed to the customer.</summary>
    public static bool IsFrom(Activity activity) =>
        activity?.From?.Id?.StartsWith(IdPrefix, StringComparison.Ordinal) == true;
}

using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.Insight;

namespace SupportBot.Web.Insight;

/// <summary>
/// One message of a conversation under review, as stored (masked): who wrote it (<c>customer</c>, <c>bot</c> or
/// <c>colleague</c>), when, and, for the customer's, the feeling band read from it.
/// </summary>
public sealed record ReviewLine(DateTimeOffset? At, string Who, string? Name, string Text, string? Feeling)
{
    /// <summary>
    /// The messages of <paramref name="transcript"/> that belong to the case of <paramref name="review"/>: the customer's
    /// turns it recorded (marked with their band), the bot's replies to them, and the bot's and colleagues' lines
    /// while the case was under way (by the server's clock; a channel's own timestamps are not trusted).
    /// </summary>
    public static List<ReviewLine> Of(ConversationReview review, IReadOnlyList<Activity> transcript)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(transcript);
        var bands = review.Turns.Where(t => t.ActivityId is not null).GroupBy(t => t.ActivityId!).ToDictionary(g => g.Key, g => g.Last().Feeling, StringComparer.Ordinal);
        var from = review.Facts.Started.AddSeconds(-1);
        var until = review.Facts.LastAt.AddMinutes(1);
        var lines = new List<ReviewLine>();
        foreach (var a in transcript)
        {
            if (a is not { Type: ActivityTypes.Message, Text.Length: > 0 })
            {
                continue;
            }

            var colleague = ColleagueAccount.IsFrom(a);
            if (a.Id is { } id && bands.TryGetValue(id, out var feeling) && !colleague)
            {
                lines.Add(new ReviewLine(a.Timestamp, "customer", a.From?.Name, a.Text!, feeling));
            }
            else if ((colleague || a.ReplyToId is not null || a.From?.Role == "bot")
                && ((a.ReplyToId is { } to && bands.ContainsKey(to)) || (a.Timestamp is { } at && at >= from && at <= until)))
            {
                lines.Add(new ReviewLine(a.Timestamp, colleague ? "colleague" : "bot", a.From?.Name, a.Text!, null));
            }
        }

        return lines;
    }
}

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
    /// <summary>The messages of <paramref name="transcript"/> that belong to the case of <paramref name="review"/>, with the customer's marked by their band.</summary>
    public static List<ReviewLine> Of(ConversationReview review, IReadOnlyList<Activity> transcript)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(transcript);
        var bands = review.Turns.Where(t => t.ActivityId is not null).GroupBy(t => t.ActivityId!).ToDictionary(g => g.Key, g => g.Last().Feeling, StringComparer.Ordinal);
        var from = review.Facts.Started.AddSeconds(-1);
        var until = review.Facts.LastAt.AddMinutes(1);
        return
        [
            .. transcript
                .Where(a => a is { Type: ActivityTypes.Message, Text.Length: > 0 } && (a.Timestamp is not { } at || (at >= from && at <= until)))
                .Select(a =>
                {
                    var customer = a.Id is { } id && bands.ContainsKey(id);
                    var who = ColleagueAccount.IsFrom(a) ? "colleague" : customer || (a.From?.Role != "bot" && a.ReplyToId is null) ? "customer" : "bot";
                    var feeling = customer ? bands[a.Id!] : null;
                    return new ReviewLine(a.Timestamp, who, a.From?.Name, a.Text!, feeling);
                }),
        ];
    }
}

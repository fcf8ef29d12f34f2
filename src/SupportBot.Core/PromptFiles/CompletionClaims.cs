using System.Text.RegularExpressions;

namespace SupportBot.Core.PromptFiles;

/// <summary>
/// Finds wording that tells the customer an action is complete ("Done", "That's sorted", "I've sent…", "your refund
/// is on its way", "your upgrade is confirmed"): true only once the business system or a colleague confirmed it, so
/// allowed only in wording said then (a remedy's <c>done</c>, a prompt marked
/// <see cref="PromptDefinition.ConfirmedOutcome"/>). What the bot does itself within the chat ("I've added that to
/// your case", "I've passed your case to a colleague") and what someone has been asked to do ("I've asked our refunds
/// team to…") are not claims; nor is what will happen ("you'll get an email when it's done", "I'll tell you here once
/// it's booked"), nor a question.
/// </summary>
public static partial class CompletionClaims
{
    /// <summary>The words of <paramref name="text"/> that claim an action is complete, or null.</summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var sentence in Sentence().Split(text))
        {
            if (sentence.TrimEnd().EndsWith('?'))
            {
                continue;
            }

            if (Claim().Match(sentence) is { Success: true } match)
            {
                return match.Value.Trim();
            }
        }

        return null;
    }

    /// <summary>The advice an author gets with a claim found where nothing has confirmed it yet.</summary>
    public static string Advice =>
        "say what will happen, by whom and by when (e.g. \"I've asked our refunds team to return {amount} to your card; you'll get an email when it's done\"). "
        + "Saying it is done belongs in a remedy's 'done' wording, which the bot says only once the business system or a colleague confirms it.";

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentence();

    private const string Verbs = @"sent|booked|refunded|issued|credited|cancell?ed|unlocked|restored|reset|processed|arranged|shipped|dispatched|upgraded|rebooked|replaced|reversed|waived|applied|scheduled|ordered|reimbursed|paid\s+(?:you|it|back)|fixed|resolved|repaired|returned";

    // "Done, Kim", "that's sorted", "is on its way", "has been refunded", "I've sent", "we've added the credit"; not
    // after "when", "once", "as soon as"… a few words before, which makes it what will happen.
    [GeneratedRegex(
        @"(?<!\b(?:when|once|as soon as|the moment|the minute|by the time|after|until|till|if|before|whether)\s+(?:\S+\s+){0,5})(?:"
        + @"^\s*(?:all\s+)?done\b"
        + @"|\b(?:that's|that is|it's|it is|all|everything's|everything is)\s+(?:now\s+)?(?:done|sorted|taken care of)\b"
        + @"|\b(?:is|are|has been|have been|was|were)\s+(?:now\s+|already\s+|all\s+)?(?:done|sorted|on (?:its|their) way|confirmed|taken care of|" + Verbs + @")\b"
        + @"|\b(?:I|we)(?:'ve|\u2019ve|\s+have)\s+(?:now\s+|just\s+|already\s+|also\s+)?(?:" + Verbs + @"|added\s+(?:the|a|an|your)\s+(?:credit|refund|voucher|discount|upgrade|replacement))\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Claim();
}

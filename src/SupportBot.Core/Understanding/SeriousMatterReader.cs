using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding;

/// <summary>
/// What no bot should work through with questions and a catalog of remedies: money taken by someone else ("orders I
/// didn't make", "someone got into my account and bought…", "fraudulent charges") and a risk to someone's safety
/// ("it caught fire", "sparks", "my daughter nearly cut herself", "two small kids and no heating"). Such a case goes
/// to a person at once.
/// </summary>
public static partial class SeriousMatterReader
{
    /// <summary>Whether <paramref name="text"/> tells of fraud or a risk to someone's safety.</summary>
    public static bool IsSerious(string? text) =>
        !string.IsNullOrWhiteSpace(text) && (Fraud().IsMatch(text) || Danger().IsMatch(text) || (NoHeat().IsMatch(text) && Vulnerable().IsMatch(text)));

    [GeneratedRegex(@"\b(?:some(?:one|body)(?:\s+else)?\s+(?:has|had|got|stole|took|is\s+using|used)\s+my\s+(?:card|bank|payment)\s+(?:details|number|info)|(?:buying|spending|shopping|using|charging)\s+(?:stuff\s+|things\s+|money\s+)?(?:on|with)\s+my\s+(?:card|account)|(?:card|card\s+details)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|got\s+)?(?:stolen|cloned|compromised|skimmed|leaked)|(?:orders?|charges?|payments?|purchases?|transactions?|transfers?)\s+(?:that\s+)?(?:i|we)\s+(?:didn'?t|did\s+not|never|had\s+not|hadn'?t)\s+(?:make|made|place|placed|authori[sz]e|authori[sz]ed|order|ordered|buy|bought|approve|approved)|unauthori[sz]ed\s+(?:charges?|orders?|payments?|purchases?|transactions?|access|use)|fraud(?:ulent|ster|sters)?\b(?!\s+company)|identity\s+theft|some(?:one|body)(?:\s+else)?(?:'s|\s+is)\s+(?:in|inside|into|on|using|logged\s+in(?:to)?)\s+my\s+(?:account|email|profile)|stolen\s+(?:card|identity)|someone\s+(?:has\s+|had\s+)?(?:got\s+into|gotten\s+into|hacked|accessed|broke\s+into|is\s+using|used)\s+my\s+(?:account|card|bank)|someone(?:\s+else|\s+(?:in|from)\s+[\w-]+){0,2}\s+(?:has\s+|had\s+|just\s+)?(?:logged|signed)\s+(?:in(?:to)?|on)\s+(?:to\s+)?my\s+(?:account|email|profile)|\b(?:log[-\s]?ins?|sign[-\s]?ins?|logged\s+in|signed\s+in)\b[^.!?]{0,80}\b(?:wasn'?t|was\s+not|isn'?t|is\s+not|not)\s+me\b|\b(?:card|bank|payment|personal|account)\s+(?:details|info|information|data|number)\s+(?:(?:may\s+|might\s+|could\s+)?(?:have\s+been|has\s+been|had\s+been|was|were|got|is|are)\s+)?(?:jeopardi[sz]ed|compromised|exposed|stolen|leaked|breached|hacked)|\b(?:email|e-mail|password|phone\s+number)(?:\s+address)?\s+(?:has\s+been|had\s+been|was|got|had)\s+changed\b[^.!?]{0,60}\b(?:wasn'?t\s+me|not\s+me|by\s+(?:someone|somebody)|i\s+(?:didn'?t|did\s+not|never)\s+(?:do|did|change|ask|request|authori[sz]e)|without\s+(?:my|me)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fraud();

    /// <summary>Whether <paramref name="text"/> tells of money taken or an account used by someone else.</summary>
    public static bool IsFraud(string? text) => !string.IsNullOrWhiteSpace(text) && Fraud().IsMatch(text);

    /// <summary>Whether <paramref name="text"/> tells of a risk to someone's safety: fire, sparks, an injury.</summary>
    public static bool IsDanger(string? text) => !string.IsNullOrWhiteSpace(text) && Danger().IsMatch(text);

    [GeneratedRegex(@"\b(?:caught\s+fire|(?:on|set\s+on)\s+fire|burst\s+into\s+flames|smok(?:e|ing)\s+(?:came|coming|out|from|pouring)|spark(?:s|ed|ing)\b|smell(?:s|ed|ing)?\s+(?:of\s+)?burning|burning\s+smell|melt(?:ed|ing)\b|electric(?:al)?\s+shock|electrocut\w*|gas\s+leak|(?:nearly|almost)\s+(?:cut|burn(?:ed|t)?|electrocuted|choked|fell)\s+(?:him|her|my|them|our)\w*|(?:cut|burn(?:ed|t)|injured|hurt)\s+(?:himself|herself|myself|themselves|ourselves)|(?:was|got|been)\s+injured|ended\s+up\s+in\s+(?:a&e|hospital|the\s+er))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Danger();

    [GeneratedRegex(@"\bno\s+(?:heat|heating|hot\s+water|water|power|electricity)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoHeat();

    [GeneratedRegex(@"\b(?:kids?|children|child|baby|babies|toddler|newborn|elderly|pregnant|disabled|oxygen|medical\s+equipment)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vulnerable();
}

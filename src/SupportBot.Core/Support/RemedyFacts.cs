using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// What the bot knows of a case that carrying a remedy out, or offering it at all, depends on: a refund names the
/// purchase it is for, a reset link by email goes only to someone who can open that email.
/// </summary>
public static partial class RemedyFacts
{
    /// <summary>The order number is known.</summary>
    public const string OrderNumber = "order_number";

    /// <summary>The purchase is known: its order number, or the customer said which purchase it was.</summary>
    public const string Purchase = "purchase";

    /// <summary>The customer can open the emails sent to the address on their account.</summary>
    public const string EmailWorks = "email_works";

    /// <summary>What a remedy may need (<c>needs</c>): without it, a colleague carries the remedy out.</summary>
    public static IReadOnlyList<string> Needs { get; } = [OrderNumber, Purchase];

    /// <summary>The case is about something physical that could be sent back: not only a subscription, plan or membership.</summary>
    public const string PhysicalItem = "physical_item";

    /// <summary>The case is about a visit, an appointment or work done (an engineer, an installation, a repair), which could be done again.</summary>
    public const string Visit = "visit";

    /// <summary>The case is about how someone treated the customer: rude, dismissive, hung up, laughed at them.</summary>
    public const string Conduct = "conduct";

    /// <summary>The customer paid for what the case is about: an amount is known, or they say they bought or paid for it.</summary>
    public const string Paid = "paid";

    /// <summary>
    /// A new password could let the customer in: the case is not about sign-in codes sent to a phone or number they
    /// no longer have ("the 2FA codes go to my old number").
    /// </summary>
    public const string Password = "password";

    /// <summary>The customer is chasing a refund already promised ("my refund still hasn't arrived").</summary>
    public const string RefundPromised = "refund_promised";

    /// <summary>The customer is not chasing a refund already promised: paying one now could not pay twice.</summary>
    public const string NoRefundPending = "no_refund_pending";

    /// <summary>When a remedy may be offered (<c>offered_when</c>).</summary>
    public static IReadOnlyList<string> Conditions { get; } = [EmailWorks, PhysicalItem, Visit, Conduct, Paid, Password, RefundPromised, NoRefundPending];

    /// <summary>What <paramref name="remedy"/> needs that the case does not know, in words ("the order number").</summary>
    public static IReadOnlyList<string> Missing(Remedy remedy, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(supportCase);
        var missing = new List<string>();
        foreach (var need in remedy.Needs)
        {
            switch (need)
            {
                case OrderNumber when Answer(supportCase, OrderNumber) is null:
                    missing.Add("the order number");
                    break;
                case Purchase when Answer(supportCase, OrderNumber) is null && Answer(supportCase, Purchase) is null:
                    missing.Add("the purchase (no order number or purchase was given)");
                    break;
            }
        }

        return missing;
    }

    /// <summary>Whether <paramref name="remedy"/> may be offered: every condition it has is known to hold.</summary>
    public static bool MayOffer(Remedy remedy, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(supportCase);
        return remedy.OfferedWhen.All(c => Holds(c, supportCase));
    }

    /// <summary>
    /// Whether what the case knows rules <paramref name="remedy"/> out: one of its conditions is known not to hold (an
    /// email not yet asked about rules nothing out). A remedy ruled out is not what a customer's words name.
    /// </summary>
    public static bool RuledOut(Remedy remedy, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(supportCase);
        return remedy.OfferedWhen.Any(c => c == EmailWorks ? supportCase.EmailWorks == false : !Holds(c, supportCase));
    }

    /// <summary>Whether the bot must first ask if the customer can open their email, to know whether to offer <paramref name="remedy"/>.</summary>
    public static bool MustAsk(Remedy remedy, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(supportCase);

        // Not when another of its conditions already rules it out: a reset link is no help with codes sent to a lost phone.
        return remedy.OfferedWhen.Contains(EmailWorks) && supportCase.EmailWorks is null
            && remedy.OfferedWhen.Where(c => c != EmailWorks).All(c => Holds(c, supportCase));
    }

    private static bool Holds(string condition, SupportCase supportCase) => condition switch
    {
        EmailWorks => supportCase.EmailWorks == true,
        PhysicalItem => !OnlySubscription(supportCase),
        Visit => supportCase.Said().Any(s => AboutAVisit().IsMatch(s)),
        Conduct => supportCase.Said().Any(s => AboutConduct().IsMatch(s)),
        Paid => supportCase.Amount is not null || supportCase.Said().Any(s => PaidFor().IsMatch(s)),
        Password => !supportCase.Said().Any(s => CodesToALostPhone().IsMatch(s) || ResetDidNotHelp(s)),
        RefundPromised => ChasesPromisedRefund(supportCase),
        NoRefundPending => !ChasesPromisedRefund(supportCase),
        _ => true,
    };

    /// <summary>
    /// Whether the customer can open the email on their account, when what they wrote already says: false when they are
    /// locked out of that very mailbox ("I can't get into my Gmail", with a gmail address on the account); null when
    /// it does not say, and the bot should ask.
    /// </summary>
    public static bool? EmailWorksFromWords(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var told = string.Join(' ', new[] { supportCase.Complaint }.Concat(supportCase.UnderlyingIssues)
            .Concat(supportCase.Answers.Where(a => a.QuestionId != "account").Select(a => a.Words ?? a.Answer)).OfType<string>());
        if (IntoTheMailbox().IsMatch(told) || EmailTakenOver().IsMatch(told) || MailNeverArrives(told)
            || supportCase.Answers.Select(a => a.Words ?? a.Answer).Append(told).Any(NoEmail().IsMatch))
        {
            return false;
        }

        var provider = AccountEmail(supportCase) is { } email ? email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..].Split('.')[0] : null;
        return provider is { Length: > 2 } && Regex.IsMatch(told, $@"\b{Regex.Escape(provider)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) ? false : null;
    }

    /// <summary>
    /// Whether a wish in the customer's own words asks for more than <paramref name="remedy"/> gives by itself: a sum of
    /// their own for a remedy that pays no set amount ("compensation for my lost wages, £180" is no plain credit), or
    /// something besides it ("… plus a confirmed appointment"). Such a wish goes to a colleague as they put it.
    /// </summary>
    public static bool AsksMoreThan(Remedy remedy, string words, string currency)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        return (remedy.PaysFor is null && MoneyReader.Read(words, currency).Count > 0) || AndMore().IsMatch(words);
    }

    /// <summary>"I don't have email on the account", "no email linked", "I log in with my mobile number only".</summary>
    [GeneratedRegex(@"\b(?:(?:don'?t|do\s+not|never|doesn'?t|does\s+not)\s+(?:have|use|got|has)\s+(?:an?\s+|any\s+)?e-?mail|no\s+e-?mail(?:\s+address)?\s+(?:on|linked|attached|registered|set)|(?:mobile|phone)(?:\s+number)?\s+only|only\s+(?:with\s+)?(?:my\s+)?(?:mobile|phone)(?:\s+number)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoEmail();

    [GeneratedRegex(@"\b(?:plus|as\s+well\s+as|and\s+also|on\s+top\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndMore();

    /// <summary>
    /// Whether <paramref name="text"/> says the emails sent to reset or confirm never reach them ("tried resetting 3
    /// times and the email never comes", "I'm not getting the code"): another link by email would not either.
    /// </summary>
    public static bool MailNeverArrives(string? text) => !string.IsNullOrWhiteSpace(text) && NeverArrives().IsMatch(text);

    [GeneratedRegex(@"\b(?:e-?mails?|links?|codes?)\s+(?:just\s+|still\s+)?(?:never|doesn'?t|don'?t|didn'?t|isn'?t|aren'?t|won'?t|not|has\s+not|hasn'?t|have\s+not|haven'?t)\s+(?:\w+\s+)?(?:come|comes|came|arrive[sd]?|arriving|coming|show(?:s|ed)?\s+up|turn(?:s|ed)?\s+up|get(?:s|ting)?\s+through)\b|\b(?:never|not|haven'?t|didn'?t|don'?t|doesn'?t|can'?t|cannot)\s+(?:get|got|getting|receive[sd]?|receiving)\s+(?:the\s+|any\s+|a\s+|my\s+|your\s+)?(?:reset\s+|password\s+|verification\s+|security\s+)*(?:e-?mails?|links?|codes?)\b|\bno\s+(?:reset\s+|password\s+|verification\s+)*(?:e-?mail|link|code)\s+(?:ever\s+)?(?:arrives?|comes?|came)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeverArrives();

    /// <summary>The email address on the account, as the case keeps it (masked: "k***@example.com"), or null.</summary>
    public static string? AccountEmail(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return Answer(supportCase, "account") is { } account && EmailAddress().Match(account) is { Success: true } match ? match.Value : null;
    }

    /// <summary>The case's answer to <paramref name="question"/>, when it gave one.</summary>
    public static string? Answer(SupportCase supportCase, string question)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var answer = supportCase.Answers.LastOrDefault(a => a.QuestionId == question)?.Answer;
        return answer is null or ClarifyingAnswer.NotFound or "not known" || answer.StartsWith("none (", StringComparison.Ordinal) ? null : answer;
    }

    /// <summary>
    /// Whether the case is about a subscription, plan or membership and names nothing bought or delivered ("cancel my
    /// subscription please"): there is no order number to ask for and nothing to send back.
    /// </summary>
    public static bool OnlySubscription(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var said = supportCase.Said().ToList();
        return said.Any(s => Subscription().IsMatch(s)) && !said.Any(s => Goods().IsMatch(s));
    }

    [GeneratedRegex(@"\b(?:subscriptions?|subscribed|memberships?|(?:monthly|annual|yearly|mobile|phone|data|broadband|family|premium)\s+plan|plan|contract|streaming)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subscription();

    [GeneratedRegex(@"\b(?:engineers?|technicians?|installers?|install(?:ation|ed|ing)?|fitters?|fitting|appointments?|visits?|visited|call-?outs?|repairs?|repaired|survey|booked\s+(?:in|a\s+slot)|time\s+slot|no[\s-]show|(?:didn'?t|did\s+not|never)\s+(?:show|turn\s+up|come|arrive))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutAVisit();

    /// <summary>Sign-in codes that go to a phone or number the customer no longer has: no new password gets them in.</summary>
    [GeneratedRegex(@"\b(?:2fa|two[-\s]?factor|two[-\s]?step|verification|security|authenticat\w*|sign[-\s]?in|login|one[-\s]?time)\s+codes?\b[^.!?]{0,80}\b(?:old|lost|new|stolen|broken|previous|former|different)\s+(?:phone|number|mobile|sim|device)\b|\b(?:lost|new|stolen|broke|broken|changed|replaced)\s+(?:my\s+)?(?:phone|number|mobile|sim)\b[^.!?]{0,80}\b(?:2fa|codes?|authenticator|verification)\b|\b(?:2fa|codes?)\b[^.!?]{0,60}\b(?:old|previous|former)\s+(?:phone|number|mobile)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodesToALostPhone();

    /// <summary>Whether the customer says one payment was taken twice ("you charged me twice", "a duplicate payment").</summary>
    public static bool ChargedTwice(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return supportCase.Said().Any(s => TakenTwice().IsMatch(s));
    }

    [GeneratedRegex(@"\b(?:charged|billed|debited|taken|took|paid|charging|billing)\b[^.!?]{0,40}?\b(?:twice|two\s+times|2\s+times|double|2x|x2)\b|\bdouble[-\s]?(?:charged|charge|billed|payment|paid)|\b(?:duplicate|duplicated)\s+(?:charge|payment|transaction|debit)|\b(?:two|2)\s+(?:identical\s+)?(?:charges|payments|transactions)\s+(?:for|of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TakenTwice();

    /// <summary>
    /// Whether <paramref name="text"/> says a new password was already set and did not let them in ("it says my password
    /// is wrong even though I reset it twice", "already changed it"): another reset link would be the same again. A link
    /// that expired before it was used is not that, nor is a reset only tried ("I tried resetting my password"), which
    /// may not have gone through.
    /// </summary>
    public static bool ResetDidNotHelp(string text) => ResetAlreadyDone().IsMatch(text) && !text.Contains("expire", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:reset|changed)\s+(?:it|my\s+password|the\s+password|the\s+pw|my\s+pw|(?:it|the\s+password|my\s+password)\s+(?:already\s+)?)?\s*(?:twice|again|already|(?:two|three|four|five|\d+|several|multiple|many|a\s+few|a\s+couple\s+of)\s+times)\b|(?<!\b(?:can|could|should|do|will|would|may|might|if|shall|must|to|want|need)\s+)\b(?:already|i've|i\s+have|ive|i)\s+(?:already\s+)?(?:reset|changed)\s+(?:it|my\s+password|the\s+password)\b(?!\s+(?:but|and)\s+(?:the\s+)?(?:e-?mail|link|code))|\breset(?:ting)?\s+(?:it\s+|my\s+password\s+|the\s+password\s+)?(?:doesn'?t|didn'?t|does\s+not|did\s+not|won'?t)\s+(?:work|help)|\b(?:even\s+)?after\s+(?:resetting|a\s+reset|i\s+reset|changing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResetAlreadyDone();

    [GeneratedRegex(@"\b(?:rude(?:ly|ness)?|impolite|disrespectful|dismissive|condescending|patroni[sz]ing|arrogant|aggressive|abusive|unprofessional|attitude|hung\s+up|put\s+the\s+phone\s+down|laughed|mocked|shouted|yelled|swore|sworn|insulted|ignored\s+me|racist|sexist|harass\w*|treated\s+(?:me\s+)?(?:like|badly|terribly|poorly))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutConduct();

    [GeneratedRegex(@"\b(?:paid|pay|payed|bought|buy|purchased?|purchases|charged|money|refund|season\s+pass|dlc|in-?app)\b|[£$€]\s?\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaidFor();

    [GeneratedRegex(@"\b(?:order(?:ed)?|parcel|package|delivery|delivered|item|bought|purchased|box|device|phone arrived|sent me)\b|\border\s*(?:no|number|#)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Goods();

    /// <summary>
    /// Whether the customer is chasing a refund already promised ("my refund still hasn't arrived", "where is my
    /// refund?"): paying one again could pay twice, so a colleague checks where the first one is.
    /// </summary>
    public static bool ChasesPromisedRefund(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return supportCase.Said().Any(said => PromisedRefund().IsMatch(said));
    }

    [GeneratedRegex(@"\bwhere(?:'?s|\s+is)\s+(?:my|the)\s+(?:refund|money)\b|\b(?:refund|reimbursement)\b[^.!?]{0,60}\b(?:still|yet|never|not|hasn'?t|haven'?t|didn'?t|isn'?t|waiting|chasing)\b|\b(?:still|been)\s+(?:waiting|chasing)\b[^.!?]{0,40}\b(?:refund|money back)\b|\bnever\s+(?:got|received)\s+(?:my|the)\s+refund\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromisedRefund();

    /// <summary>"Someone changed my email", "the reset email goes to their address now": the mailbox on the account is no longer theirs.</summary>
    [GeneratedRegex(@"\b(?:changed|swapped|replaced)\s+(?:my|the)\s+(?:e-?mail|email address|recovery email)\b|\b(?:e-?mails?|reset (?:link|e-?mail)s?|codes?)\s+(?:now\s+)?(?:go|goes|going|went|are sent|is sent|get sent)\s+to\s+(?:their|his|her|the hacker'?s?|someone else'?s?|a different|another)\b|\bnot my (?:e-?mail|address) any ?more\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailTakenOver();

    [GeneratedRegex(@"\b(?:into|in to|to|of|out of|access|open)\s+(?:my\s+|the\s+)?(?:e-?mail(?:\s+account)?|inbox|mailbox|gmail|outlook|hotmail|yahoo(?:\s+mail)?|icloud(?:\s+mail)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntoTheMailbox();

    [GeneratedRegex(@"[^\s@\[\]]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    /// <summary>
    /// A remedy's wording (<c>asked</c>, <c>done</c>, <c>next_steps</c>, <c>about</c>) filled for the case: the customer's
    /// first name and <paramref name="amount"/>, what it pays with its currency.
    /// </summary>
    public static string Wording(string text, SupportCase supportCase, MoneyAmount? amount)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return PromptCatalog.Fill(SupportPrompts.NextSteps, text, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase.FirstName,
            ["amount"] = amount?.ToString(),
        });
    }
}

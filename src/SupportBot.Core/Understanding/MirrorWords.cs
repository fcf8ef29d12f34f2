using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding;

/// <summary>
/// The words <see cref="ComplaintReader"/> turns a customer's message with: pronouns to flip, the subjects a sentence
/// leaves out, the words after which "you" is an object, the words a phrase may not end on, and the like.
/// </summary>
internal static partial class MirrorWords
{
    /// <summary>
    /// The customer's own words cut before a question they put back to us ("I already reinstalled it twice, do you
    /// think I'm stupid": said back, "do we think you're stupid" mocks them).
    /// </summary>
    internal static string BeforeAskingBack(string sentence)
    {
        var asked = AskingBack().Match(sentence);
        return asked.Success && asked.Index > 0 ? sentence[..asked.Index] : sentence;
    }

    [GeneratedRegex(@"\s*[,;]\s*(?:(?:and|so|like|seriously|honestly)\s+)?(?:do|does|did|are|r|is|can|could|would|will|why|how|what|who|where|should|have|has|am)\s+(?:you|u|ya|we|they|i|it|this|that|anyone|somebody|someone|nobody|no\s+one|your)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskingBack();

    /// <summary>
    /// The customer's plural "you" as a plain "you": "you lot charged me twice", "yall billed me" are said back "we
    /// charged you twice", "we billed you", never "we lot" or "yall".
    /// </summary>
    internal static string PlainYou(string sentence) =>
        sentence.Contains('y', StringComparison.OrdinalIgnoreCase) ? CollectiveYou().Replace(sentence, m => char.IsUpper(m.Value[0]) ? "You" : "you") : sentence;

    [GeneratedRegex(@"\b(?:you\s+(?:lot|guys|people|folks|lads)|y'?all|ya'll|youse)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CollectiveYou();

    /// <summary>
    /// A message that opens on a bare role or thing, as customers type ("engineer never turned up", "parcel still not
    /// here"), said back with its article: "the engineer never turned up".
    /// </summary>
    internal static string WithArticle(string sentence) =>
        !BareOpening().IsMatch(sentence) ? sentence : char.IsUpper(sentence[0]) ? string.Concat("The ", char.ToLowerInvariant(sentence[0]).ToString(), sentence.AsSpan(1)) : "the " + sentence;

    [GeneratedRegex(@"^(?=(?:engineer|technician|installer|courier|driver|parcel|package|delivery|order|refund|app|website|router|broadband|internet|wifi|payment|account)\s+(?:never|still|has|hasn'?t|have|haven'?t|was|wasn'?t|is|isn'?t|didn'?t|did|won'?t|wont|doesn'?t|keeps|kept|not|never|arrived|came|turned|stopped|crashed|failed|went)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareOpening();

    /// <summary>
    /// What we did, when the first clause only tells what the customer did ("I cancelled my gym membership in March
    /// and you still took 120 dollars" is "you still took 120 dollars"): their own doing alone is no problem to be
    /// sorry for. Null when the clauses are not so.
    /// </summary>
    internal static string? WhatWeDidAfter(string first, string rest)
    {
        if (!OwnDoing().IsMatch(first) || !TheirDoing().IsMatch(rest))
        {
            return null;
        }

        var end = rest.IndexOfAny([',', ';', '.', '!', '?']);
        return (end > 0 ? rest[..end] : rest).Trim();
    }

    [GeneratedRegex(@"^\W*(?:(?:so|well|ok|okay|hi|hello)\W+)*i\s+(?:already\s+|have\s+|had\s+|just\s+|'ve\s+)*(?:cancell?ed|ordered|bought|paid|booked|returned|sent|called|rang|emailed|contacted|signed\s+up|subscribed|upgraded|switched|moved|renewed|requested|asked|updated|changed|topped\s+up)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnDoing();

    [GeneratedRegex(@"^\s*(?:then\s+|now\s+|yet\s+)?(?:you|u|ya|they|your|ur)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheirDoing();

    /// <summary>Words a shortened phrase must not end on ("nobody answers your").</summary>
    internal static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "your", "you", "the", "a", "an", "and", "or", "but", "to", "for", "of", "with", "in", "on", "at", "from", "by", "my", "our",
        "that", "which", "is", "are", "were", "was", "it", "this", "so", "because", "when", "since", "as",
    };

    /// <summary>
    /// Pronouns turned to face the customer: their "my" is "your", their "your" (the company's) is "our". Contractions
    /// written without their apostrophe get it back ("cant" is said back "can't"), and "interent" is the internet, so
    /// the bot never repeats a typo.
    /// </summary>
    internal static readonly Dictionary<string, string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "you",
        ["me"] = "you",
        ["my"] = "your",
        ["mine"] = "yours",
        ["myself"] = "yourself",
        ["i'm"] = "you're",
        ["im"] = "you're",
        ["i've"] = "you've",
        ["ive"] = "you've",
        ["i'd"] = "you'd",
        ["i'll"] = "you'll",
        ["we"] = "you",
        ["our"] = "your",
        ["us"] = "you",
        ["we're"] = "you're",
        ["we've"] = "you've",
        ["your"] = "our",
        ["ur"] = "our",
        ["yours"] = "ours",
        ["you're"] = "we're",
        ["youre"] = "we're",
        ["you've"] = "we've",
        ["youve"] = "we've",
        ["you'll"] = "we'll",
        ["youll"] = "we'll",
        ["you'd"] = "we'd",
        ["yourselves"] = "ourselves",
        ["cant"] = "can't",
        ["dont"] = "don't",
        ["doesnt"] = "doesn't",
        ["didnt"] = "didn't",
        ["isnt"] = "isn't",
        ["wasnt"] = "wasn't",
        ["arent"] = "aren't",
        ["werent"] = "weren't",
        ["havent"] = "haven't",
        ["hasnt"] = "hasn't",
        ["hadnt"] = "hadn't",
        ["couldnt"] = "couldn't",
        ["wouldnt"] = "wouldn't",
        ["shouldnt"] = "shouldn't",
        ["wont"] = "won't",
        ["aint"] = "ain't",
        ["interent"] = "internet",
        ["internt"] = "internet",
        ["intenet"] = "internet",
    };

    /// <summary>Words that open a request for action, which said back would be an order to the customer.</summary>
    internal static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        "fix", "sort", "give", "send", "stop", "cancel", "refund", "help", "please", "pls", "plz", "call", "contact", "reply", "respond",
        "answer", "check", "tell", "make", "let", "unlock", "restore", "reset", "change", "remove", "delete", "explain", "get", "bring",
        "release", "return", "replace", "issue", "email", "dm", "ring", "escalate", "resolve", "update", "add",
    };

    /// <summary>Sentence openers that leave out "I", with the subject they take when said back.</summary>
    internal static readonly Dictionary<string, string> Unsaid = new(StringComparer.OrdinalIgnoreCase)
    {
        ["got"] = "you",
        ["received"] = "you",
        ["bought"] = "you",
        ["ordered"] = "you",
        ["paid"] = "you",
        ["tried"] = "you",
        ["called"] = "you",
        ["waited"] = "you",
        ["lost"] = "you",
        ["dropped"] = "you",
        ["purchased"] = "you",
        ["booked"] = "you",
        ["sent"] = "you",
        ["emailed"] = "you",
        ["spent"] = "you",
        ["cancelled"] = "you",
        ["canceled"] = "you",
        ["upgraded"] = "you",
        ["updated"] = "you",
        ["installed"] = "you",
        ["downloaded"] = "you",
        ["can't"] = "you",
        ["cant"] = "you",
        ["cannot"] = "you",
        ["couldn't"] = "you",
        ["couldnt"] = "you",
        ["didn't"] = "you",
        ["didnt"] = "you",
        ["haven't"] = "you",
        ["havent"] = "you",
        ["keep"] = "you",
        ["need"] = "you",
        ["been"] = "you've",
        ["having"] = "you're",
        ["trying"] = "you're",
    };

    /// <summary>Words that start a new part of a sentence: a phrase cut just before one still ends whole.</summary>
    internal static readonly HashSet<string> ClauseGoesOn = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "for", "with", "at", "from", "after", "before", "during", "since", "because", "when", "and", "but", "so",
        "while", "which", "until", "though", "although", "despite", "without", "via",
    };

    /// <summary>Words after which the customer's "you" (the company) is an object: "I told you" becomes "you told us".</summary>
    internal static readonly HashSet<string> BeforeObject = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "for", "with", "from", "at", "by", "of", "about", "than", "on", "told", "tell", "asked", "ask", "called", "call",
        "emailed", "email", "paid", "pay", "sent", "send", "contacted", "contact", "messaged", "message", "rang", "phoned",
        "gave", "give", "trusted", "trust", "chose", "picked", "reached", "reach", "wrote", "dm'd", "dmed", "tweeted",
        "sell", "sold", "selling", "owe", "owed", "show", "showed", "let", "want", "need", "help", "helped", "thank", "thanked", "bill",
        "billed", "warn", "warned", "remind", "reminded", "inform", "informed", "follow", "followed", "love", "loved", "hate", "like",
        "recommend", "recommended", "leave", "left", "beg", "begging", "into", "over", "without", "against", "upon", "towards",
    };

    /// <summary>Names written in capitals even when nobody shouts: "MY TV ARRIVED CRACKED" says back "your TV arrived cracked".</summary>
    internal static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "TV", "PC", "USB", "HDMI", "SIM", "PIN", "ATM", "GPS", "DVD", "HP", "LG", "PS4", "PS5", "VPN", "SMS", "PDF", "SSD", "UK", "EU", "BT", "EE", "O2",
    };

    /// <summary>Words that start or fill a sentence, never a name.</summary>
    internal static readonly HashSet<string> NotAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "the", "a", "an", "your", "you", "i", "it", "this", "that", "is", "was", "not", "no", "yes", "why", "what", "where",
        "when", "how", "please", "help", "hi", "hello", "hey", "and", "but", "order", "parcel", "refund", "account", "app",
    };

    internal static readonly string[] NothingElse =
    [
        "no", "nope", "nah", "no thanks", "no thank you", "nothing", "nothing else", "that's all", "thats all",
        "that's it", "thats it", "all good", "no that's all", "no that's it", "no, that's all", "not really", "none", "n",
    ];
}

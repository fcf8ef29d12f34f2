using System.Buffers;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// The words and phrases <see cref="SignalReader"/> looks for, as customers spell them: swearing, numbers and units
/// of time, wait words, acronyms that are not shouting, and the phrases of each signal.
/// </summary>
internal static class SignalWords
{
    internal static readonly HashSet<string> ProfaneWords = new(StringComparer.Ordinal)
    {
        "wtf", "wth", "ffs", "stfu", "gtfo", "omfg", "fml", "bs", "ass", "asses", "arse", "fkn", "fkin", "fking", "fcking", "effing",
        "frickin", "fricking", "freakin", "freaking", "friggin", "frigging", "hell", "bloody", "f***", "f**k", "f*ck", "f*cking", "f**king",
        "sh*t", "sh!t", "$hit", "a$$", "feck", "fecking", "bollocks",
    };

    internal static readonly string[] ProfanePrefixes =
    [
        "fuck", "fuk", "fck", "fcuk", "motherf", "shit", "bullsh", "crap", "damn", "dammit", "goddam", "bastard", "bitch", "piss",
        "asshole", "arsehole", "dumbass", "jackass", "wank", "twat",
    ];

    /// <summary>The first letters of <see cref="ProfanePrefixes"/>: most words are not looked for among them at all.</summary>
    internal static readonly SearchValues<char> ProfaneStarts = SearchValues.Create([.. ProfanePrefixes.Select(p => p[0]).Distinct()]);

    internal static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fourty", "fifty", "sixty", "ninety", "couple", "few", "several", "many", "multiple", "numerous", "countless",
    };

    /// <summary>Units of time, by size: 0 minutes, 1 hours, 2 days, 3 weeks, 4 months, 5 years.</summary>
    internal static readonly Dictionary<string, int> Units = BySize(
        ["min", "mins", "minute", "minutes"], ["hr", "hrs", "hour", "hours", "h"], ["day", "days"], ["wk", "wks", "week", "weeks"],
        ["month", "months"], ["year", "years", "yr", "yrs"]);

    internal static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that make a length of time a wait ("on hold 40 minutes", "3 days ago", "two weeks now").</summary>
    internal static readonly HashSet<string> WaitWords = new(StringComparer.Ordinal)
    {
        "hold", "wait", "waiting", "waited", "been", "still", "ago", "later", "over", "spent", "took", "taking", "already",
        "since", "almost", "nearly", "now", "phone", "queue", "line", "chasing", "yet",
    };

    /// <summary>What each known word is to the signals, found with one lookup: the phrases it starts, and whether it is a number, a wait word or a swear word.</summary>
    internal static readonly Dictionary<string, WordInfo> Known = Compile();
    internal static readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Acronyms written in capitals that are not shouting.</summary>
    internal static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "ATM", "USB", "HDMI", "VGA", "GPS", "VPN", "PIN", "SMS", "OTP", "ISP", "PSN", "GTA", "DLC", "PC", "TV", "UK", "USA", "US", "HP",
        "PDF", "FAQ", "DM", "ETA", "ID", "IOS", "API", "URL", "SSD", "RAM", "CPU", "GPU", "LED", "LCD", "NYC", "LAX", "JFK", "SFO",
        "EWR", "BOS", "MCO", "FLL", "DCA", "IAD", "ORD", "ATL", "DFW", "SEA", "PBI", "CEO", "IT", "AM", "PM", "EU", "NHS", "VAT",
        "BBC", "XL", "XXL", "IBM", "AT", "ATT", "MLB", "NBA", "NFL", "PS4", "PS5", "EA", "UPS", "DHL", "FEDEX", "USPS", "APP",
    };

    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AcronymLookup = Acronyms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, WordInfo> Compile()
    {
        var all = new List<Pattern>();
        void Add(FeelingSignal signal, bool praise, params string[] phrases) => all.AddRange(phrases.Select(p => new Pattern(p.Split(' '), signal, praise)));

        Add(FeelingSignal.Threat, false,
            "switching to another", "switch to another", "switching to a different", "switch to a different", "switching providers",
            "switch providers", "switching banks", "switch banks", "switching carriers", "change banks", "changing banks",
            "change providers", "changing providers", "take my business elsewhere", "taking my business elsewhere",
            "take my business", "taking my business", "took my business", "lost a customer", "lost my business", "lose a customer",
            "losing a customer", "lose my business", "losing my business", "never again", "never * again", "never * * again",
            "never buying", "never buy from", "never ordering", "never order from", "never fly with", "never flying", "never shop",
            "never recommend", "won't be using", "wont be using", "won't be buying", "wont be buying", "won't be flying",
            "wont be flying", "won't be ordering", "wont be ordering", "won't be back", "wont be back", "won't be renewing",
            "wont be renewing", "not renewing", "done with you", "done with your", "done with this company", "i'm done with you",
            "im done with you", "i'm so done", "im so done", "so done with", "go elsewhere", "going elsewhere", "shop elsewhere",
            "looking elsewhere", "find another provider", "find another bank", "find another company", "find another airline",
            "find another carrier", "find a new bank", "find a new provider", "considering uninstalling", "seriously considering",
            "thinking of leaving", "thinking about leaving", "i'm leaving", "im leaving", "leaving you", "leave you", "post a review", "post reviews", "review everywhere", "reviews everywhere", "cancel everything",
            "going to cancel", "gonna cancel", "will cancel", "i'll cancel", "ill cancel", "about to cancel", "ready to cancel",
            "will be cancelling", "will be canceling", "thinking of cancelling", "thinking of canceling", "thinking about cancelling",
            "thinking about canceling", "considering cancelling", "considering canceling",
            "sue", "suing", "lawsuit", "lawyer", "lawyers", "attorney", "attorneys", "legal action", "solicitor", "solicitors",
            "small claims", "class action", "see you in court", "take you to court", "taking you to court",
            "report you", "reporting you", "report this to", "report it to", "reporting this to", "bbb",
            "better business bureau", "ftc", "fcc", "cfpb", "trading standards", "ombudsman", "consumer protection", "consumer affairs",
            "attorney general", "i'm cancelling", "im cancelling", "i am cancelling", "i'm canceling", "im canceling", "i am canceling",
            "chargeback", "charge back", "dispute the charge", "file a complaint", "filing a complaint",
            "formal complaint", "official complaint", "ofcom", "ofgem",
            "bad review", "negative review", "terrible review", "awful review", "1 star", "one star", "zero stars", "0 stars",
            "going to leave a review", "will leave a review", "i'll leave a review", "i'll be leaving a review", "will be leaving a review",
            "going to post a review", "will post a review", "will be posting a review", "going to write a review", "will write a review",
            "trustpilot", "yelp", "tell everyone", "telling everyone", "tell all my friends", "telling all my friends",
            "warn everyone", "warn others", "warn people", "warning others", "going public", "go public", "the press",
            "post this everywhere", "posting this everywhere", "all over social media");
        Add(FeelingSignal.Insult, false,
            "crooks", "thieves", "thieving", "scammers", "scamming", "you scammed", "scam artists",
            "what a scam", "total scam", "such a scam", "complete scam", "subscription scam", "frauds", "fraudsters",
            "fraudulent company", "liars", "you lied", "you're lying", "youre lying", "criminals", "clowns", "idiots", "you idiot",
            "idiotic", "morons", "moronic", "imbeciles", "incompetent", "incompetence", "amateurs", "amateur hour", "pathetic",
            "disgrace", "disgraceful", "shameful", "shameless", "joke of a", "what a joke", "is a joke", "are a joke",
            "you're useless", "youre useless", "you are useless", "people are useless", "lot are useless", "guys are useless",
            "useless company", "useless bunch", "you suck", "you guys suck", "yall suck", "y'all suck", "u suck", "fuck you", "f you", "f u", "f*** you", "f**k you",
            "screw you", "screw this", "screw your", "get your shit together", "get your act together", "get it together",
            "shame on you", "how dare you", "worst company", "worst customer service", "worst service", "worst airline",
            "worst bank", "worst provider", "you the worst", "you're the worst", "youre the worst", "you are the worst");
        Add(FeelingSignal.Recurrence, false,
            "still", "again", "yet another", "once again", "yet again", "again and again", "over and over", "every time", "everytime",
            "every single time", "each time", "repeatedly", "constantly", "continually", "keeps happening", "happened again",
            "happening again", "second time", "third time", "fourth time", "fifth time", "2nd time", "3rd time", "4th time",
            "5th time", "nth time", "umpteenth", "multiple times", "several times", "so many times", "many times", "countless times",
            "numerous times", "not the first time", "same problem", "same issue", "as usual", "like always");
        Add(FeelingSignal.Waiting, false,
            "on hold", "been waiting", "still waiting", "waiting for", "waiting on", "waited", "waiting since", "wait time",
            "wait times", "waiting time", "no reply", "no replies", "no response", "no responses", "no answer", "not heard back",
            "haven't heard back", "havent heard back", "have not heard back", "haven't heard", "havent heard", "never heard back",
            "never got back", "no one got back", "nobody got back", "no one answers", "nobody answers", "no one answered",
            "nobody answered", "no one responded", "nobody responded", "no one has responded", "no one called back",
            "nobody called back", "no callback", "no call back", "no update", "no updates", "no news", "took forever",
            "taking forever", "takes forever", "for ages", "for days", "for weeks", "for months", "for hours", "all day", "all week",
            "all morning", "all afternoon", "hours later", "days later", "weeks later", "this long", "so long", "in a queue",
            "in the queue", "in line for", "waiting in line", "standing in line", "stood in line", "people in line");
        Add(FeelingSignal.Tried, false,
            "tried", "i've tried", "ive tried", "i have tried", "we tried", "we've tried", "already tried", "have tried",
            "been trying", "keep trying", "kept trying", "still trying", "trying for", "trying since", "called twice", "called # times",
            "called multiple times", "called several times", "called a few times", "called a couple of times", "phoned twice",
            "phoned # times", "emailed twice", "emailed # times", "emailed multiple times", "emailed several times", "contacted you # times",
            "contacted # times", "contacted you twice", "messaged # times", "asked twice", "asked # times", "spoke to # people",
            "spoken to # people", "spoke to # different", "spoken to # different", "nothing works", "nothing worked", "nothing helps", "nothing helped", "nothing has worked",
            "none of it worked", "none of them worked", "no luck", "to no avail", "didn't work", "didnt work", "did not work",
            "doesn't help", "doesnt help", "didn't help", "didnt help", "did not help", "not helping", "isn't helping",
            "aren't helping", "endless loop", "going round in circles", "going around in circles", "going in circles",
            "round and round", "runaround", "run around", "followed all", "followed every", "followed the instructions",
            "followed the steps", "followed your instructions", "followed your steps", "followed the protocol", "restarted",
            "rebooted", "reinstalled", "uninstalled and reinstalled", "cleared the cache", "cleared cache", "power cycled",
            "turned it off and on");
        Add(FeelingSignal.Sarcasm, false,
            "thanks for nothing", "thanks for nothin", "thank you for nothing", "cool story", "yeah right", "yea right", "sure you are",
            "sure you will", "what a surprise", "big surprise", "shocker", "real laugh", "just what i needed", "exactly what i needed",
            "oh great", "oh joy", "oh goody", "oh wonderful", "oh fantastic", "oh brilliant", "oh good", "oh lovely", "how wonderful",
            "how lovely", "how convenient", "just great", "just perfect", "just brilliant", "just wonderful", "just fantastic",
            "just lovely");
        Add(FeelingSignal.Sarcasm, true,
            "thanks a lot", "thanks a bunch", "thanks a million", "much appreciated", "great job", "good job", "nice job", "well done",
            "way to go", "nice one", "bravo", "kudos", "super fun", "so much fun", "fun times", "great service", "excellent service",
            "amazing service", "fantastic service", "brilliant service", "great customer service", "so helpful", "very helpful",
            "really helpful", "super helpful", "love how", "love that you", "love it when", "gotta love", "got to love", "have to love",
            "great another", "awesome another", "perfect another", "brilliant another", "fantastic another", "wonderful another",
            "great now", "awesome now", "perfect now", "great more");
        Add(FeelingSignal.Politeness, false,
            "please", "pls", "plz", "plse", "pleaseee", "kindly", "thanks", "thank you", "thankyou", "thank u", "thanx", "thnx", "thx",
            "ty", "tysm", "tia", "thanks in advance", "thank you in advance", "thanks again", "thank you again", "appreciate",
            "appreciated", "appreciate it", "grateful", "cheers", "regards", "kind regards", "sorry to bother", "if possible",
            "could you", "would you", "would you mind", "hello", "hi", "hey", "dear", "good morning", "good afternoon", "good evening");

        // "still waiting", "keep trying": it has happened before, too.
        all = [.. all.Select(p => p.Words[0] is "still" or "keep" or "kept" ? p with { Signal = p.Signal | FeelingSignal.Recurrence } : p)];
        var known = all.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new WordInfo { Patterns = [.. g.OrderByDescending(p => p.Words.Length)] }, StringComparer.Ordinal);
        WordInfo Info(string word) => known.TryGetValue(word, out var info) ? info : known[word] = new WordInfo();
        foreach (var word in NumberWords)
        {
            Info(word).Number = true;
        }

        foreach (var word in WaitWords)
        {
            Info(word).Wait = true;
        }

        foreach (var word in ProfaneWords)
        {
            Info(word).Profane = true;
        }

        return known;
    }

    /// <summary>Each unit of time with its size: 0 minutes, 1 hours, 2 days, 3 weeks, 4 months, 5 years.</summary>
    private static Dictionary<string, int> BySize(params string[][] sizes)
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var size = 0; size < sizes.Length; size++)
        {
            foreach (var unit in sizes[size])
            {
                units[unit] = size;
            }
        }

        return units;
    }


    /// <summary>What a word is to the signals.</summary>
    internal sealed class WordInfo
    {
        public Pattern[] Patterns { get; init; } = [];

        public bool Number { get; set; }

        public bool Wait { get; set; }

        public bool Profane { get; set; }
    }

    /// <summary>A phrase's words, its signal, and whether it is praise that is sarcasm only inside a complaint.</summary>
    internal sealed record Pattern(string[] Words, FeelingSignal Signal, bool Praise);
}

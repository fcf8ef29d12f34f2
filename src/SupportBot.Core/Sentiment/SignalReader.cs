using System.Buffers;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// Reads the <see cref="FeelingSignal"/>s support agents read in how a message is written: capitals and doubled-up
/// punctuation, swearing and insults, threats to leave or sue, "still" and "again", waiting times, failed attempts,
/// sarcasm and politeness. Rules over whole words, as customers spell them ("wont be using", "f*cking", "3days",
/// "1-star"); one pass over the text, nothing kept.
/// </summary>
public static class SignalReader
{
    /// <summary>The signals that make a message a complaint whatever its words' sentiment.</summary>
    public const FeelingSignal Complaint = FeelingSignal.Profanity | FeelingSignal.Insult | FeelingSignal.Threat | FeelingSignal.Recurrence
        | FeelingSignal.Waiting | FeelingSignal.Tried | FeelingSignal.Sarcasm;

    private const int MaxWords = 256;
    private const int MaxCharacters = 2000;

    /// <summary>Phrases by their first word; <c>#</c> stands for a number, <c>*</c> for any one word; longest first.</summary>
    private static readonly Dictionary<string, Pattern[]> Patterns = Compile();
    private static readonly Dictionary<string, Pattern[]>.AlternateLookup<ReadOnlySpan<char>> PatternLookup = Patterns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ProfaneWords = new(StringComparer.Ordinal)
    {
        "wtf", "wth", "ffs", "stfu", "gtfo", "omfg", "fml", "bs", "ass", "asses", "arse", "fkn", "fkin", "fking", "fcking", "effing",
        "frickin", "fricking", "freakin", "freaking", "friggin", "frigging", "hell", "bloody", "f***", "f**k", "f*ck", "f*cking", "f**king",
        "sh*t", "sh!t", "$hit", "a$$", "feck", "fecking", "bollocks",
    };

    private static readonly string[] ProfanePrefixes =
    [
        "fuck", "fuk", "fck", "fcuk", "motherf", "shit", "bullsh", "crap", "damn", "dammit", "goddam", "bastard", "bitch", "piss",
        "asshole", "arsehole", "dumbass", "jackass", "wank", "twat",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ProfaneLookup = ProfaneWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fourty", "fifty", "sixty", "ninety", "couple", "few", "several", "many", "multiple", "numerous", "countless",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Units of time, by size: 0 minutes, 1 hours, 2 days, 3 weeks, 4 months, 5 years.</summary>
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["min"] = 0, ["mins"] = 0, ["minute"] = 0, ["minutes"] = 0, ["hr"] = 1, ["hrs"] = 1, ["hour"] = 1, ["hours"] = 1, ["h"] = 1,
        ["day"] = 2, ["days"] = 2, ["wk"] = 3, ["wks"] = 3, ["week"] = 3, ["weeks"] = 3, ["month"] = 4, ["months"] = 4,
        ["year"] = 5, ["years"] = 5, ["yr"] = 5, ["yrs"] = 5,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that make a length of time a wait ("on hold 40 minutes", "3 days ago", "two weeks now").</summary>
    private static readonly HashSet<string> WaitWords = new(StringComparer.Ordinal)
    {
        "hold", "wait", "waiting", "waited", "been", "still", "ago", "later", "over", "spent", "took", "taking", "takes", "already",
        "since", "almost", "nearly", "now", "phone", "queue", "line", "chasing", "yet",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WaitLookup = WaitWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Acronyms written in capitals that are not shouting.</summary>
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "ATM", "USB", "HDMI", "VGA", "GPS", "VPN", "PIN", "SMS", "OTP", "ISP", "PSN", "GTA", "DLC", "PC", "TV", "UK", "USA", "US", "HP",
        "PDF", "FAQ", "DM", "ETA", "ID", "IOS", "API", "URL", "SSD", "RAM", "CPU", "GPU", "LED", "LCD", "NYC", "LAX", "JFK", "SFO",
        "EWR", "BOS", "MCO", "FLL", "DCA", "IAD", "ORD", "ATL", "DFW", "SEA", "PBI", "CEO", "IT", "AM", "PM", "EU", "NHS", "VAT",
        "BBC", "XL", "XXL", "IBM", "AT", "ATT", "MLB", "NBA", "NFL", "PS4", "PS5", "EA", "UPS", "DHL", "FEDEX", "USPS", "APP",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AcronymLookup = Acronyms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The signals in <paramref name="text"/>; praise counts as sarcasm when the other signals make it a complaint.</summary>
    public static FeelingSignal Read(ReadOnlySpan<char> text)
    {
        var signals = Read(text, out var praise);
        return Resolve(signals, praise, complaint: false);
    }

    /// <summary>
    /// The signals with sarcasm decided: praise that can be sarcastic ("thanks a lot", "great job") is sarcasm when the
    /// message is a complaint, by its words (<paramref name="complaint"/>) or by its other signals.
    /// </summary>
    internal static FeelingSignal Resolve(FeelingSignal signals, bool praise, bool complaint) =>
        praise && (complaint || (signals & Complaint) != 0) ? signals | FeelingSignal.Sarcasm : signals;

    /// <summary>The signals in <paramref name="text"/>; <paramref name="praise"/> tells whether it holds praise that is sarcasm in a complaint.</summary>
    internal static FeelingSignal Read(ReadOnlySpan<char> text, out bool praise)
    {
        praise = false;
        text = text[..Math.Min(text.Length, MaxCharacters)];
        if (text.IsEmpty)
        {
            return FeelingSignal.None;
        }

        var rented = text.Length > 512 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        Span<char> lower = rented ?? stackalloc char[text.Length];
        lower = lower[..text.Length];
        Span<Word> words = stackalloc Word[MaxWords];
        try
        {
            text.ToLowerInvariant(lower);
            lower.Replace('\u2019', '\'');
            lower.Replace('\u2018', '\'');
            var count = Words(lower, words);
            words = words[..count];
            var signals = Punctuation(text) | Capitals(text, words);
            return signals | Phrases(lower, words, ref praise);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static FeelingSignal Phrases(ReadOnlySpan<char> lower, ReadOnlySpan<Word> words, ref bool praise)
    {
        var signals = FeelingSignal.None;
        var durationUnit = -1;
        var countedDuration = false;
        var waitWord = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(lower);
            waitWord |= WaitLookup.Contains(word);
            if (Match(lower, words, i) is { } pattern)
            {
                if (pattern.Praise)
                {
                    // "great job, really": the "really" after the praise leaves no doubt.
                    var next = i + pattern.Words.Length;
                    if (next < words.Length && words[next].Of(lower).SequenceEqual("really"))
                    {
                        signals |= FeelingSignal.Sarcasm;
                    }

                    praise = true;
                }
                else
                {
                    signals |= pattern.Signal;
                }

                i += pattern.Words.Length - 1;
                continue;
            }

            if (IsProfane(word))
            {
                signals |= FeelingSignal.Profanity;
                continue;
            }

            // "keeps crashing", "kept saying": it happens over and over.
            if (word is "keep" or "keeps" or "kept" && i + 1 < words.Length && words[i + 1].Of(lower).EndsWith("ing"))
            {
                signals |= FeelingSignal.Recurrence;
                continue;
            }

            if (Duration(lower, words, i, out var unit, out var counted, out var times))
            {
                durationUnit = Math.Max(durationUnit, unit);
                countedDuration |= counted && unit >= 2;
            }
            else if (times)
            {
                signals |= FeelingSignal.Recurrence;
            }
        }

        // A length of time is a wait when it says so ("on hold 40 minutes", "3 days ago") or counts days or more ("three weeks").
        if (durationUnit >= 0 && (waitWord || countedDuration) && (durationUnit < 5 || waitWord))
        {
            signals |= FeelingSignal.Waiting;
        }

        return signals;
    }

    /// <summary>
    /// Whether word <paramref name="i"/> starts a length of time ("40 minutes", "3days", "a couple of weeks"); its
    /// <paramref name="unit"/>, and whether it was counted with a number rather than "a". <paramref name="times"/>:
    /// a number of times instead ("7 times").
    /// </summary>
    private static bool Duration(ReadOnlySpan<char> lower, ReadOnlySpan<Word> words, int i, out int unit, out bool counted, out bool times)
    {
        unit = -1;
        counted = false;
        times = false;
        var word = words[i].Of(lower);
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < word.Length && UnitLookup.TryGetValue(word[digits..], out unit))
        {
            // "40min", "3days": the number and its unit in one word.
            counted = true;
            return true;
        }

        if (!(digits == word.Length || NumberLookup.Contains(word)) || i + 1 >= words.Length)
        {
            return false;
        }

        var next = i + 1;
        if (words[next].Of(lower).SequenceEqual("of") && next + 1 < words.Length)
        {
            // "a couple of weeks"
            next++;
        }

        var following = words[next].Of(lower);
        if (following.SequenceEqual("times"))
        {
            times = digits == word.Length || !(word is "a" or "an" or "one");
            return false;
        }

        if (!UnitLookup.TryGetValue(following, out unit))
        {
            return false;
        }

        counted = !(word is "a" or "an" or "one");
        return true;
    }

    private static Pattern? Match(ReadOnlySpan<char> lower, ReadOnlySpan<Word> words, int index)
    {
        if (!PatternLookup.TryGetValue(words[index].Of(lower), out var patterns))
        {
            return null;
        }

        foreach (var pattern in patterns)
        {
            if (index + pattern.Words.Length > words.Length)
            {
                continue;
            }

            var all = true;
            for (var j = 1; j < pattern.Words.Length && all; j++)
            {
                var word = words[index + j].Of(lower);
                all = pattern.Words[j] switch
                {
                    "*" => true,
                    "#" => IsNumber(word),
                    var literal => word.SequenceEqual(literal),
                };
            }

            if (all)
            {
                return pattern;
            }
        }

        return null;
    }

    private static bool IsNumber(ReadOnlySpan<char> word) => NumberLookup.Contains(word) || (word.Length > 0 && !word.ContainsAnyExceptInRange('0', '9'));

    private static bool IsProfane(ReadOnlySpan<char> word)
    {
        if (ProfaneLookup.Contains(word))
        {
            return true;
        }

        foreach (var prefix in ProfanePrefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Doubled-up "!" and "?" ("!!", "??", "?!", "!!1"), or the one-character forms ‼ and ⁉.</summary>
    private static FeelingSignal Punctuation(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\u203C', '\u2049') >= 0)
        {
            return FeelingSignal.RepeatedPunctuation;
        }

        for (var i = text.IndexOfAny('!', '?'); i >= 0 && i + 1 < text.Length; i++)
        {
            if (text[i] is '!' or '?' && text[i + 1] is '!' or '?')
            {
                return FeelingSignal.RepeatedPunctuation;
            }
        }

        return FeelingSignal.None;
    }

    /// <summary>
    /// Shouting: three capitalized words in a row ("WHY ARE YOU"), a message all in capitals ("DONT LOSE MY LUGGAGE"),
    /// three long capitalized words anywhere, words spelled out one by one ("FIX. THE. APP.", "fix 👏 the 👏 app").
    /// Acronyms ("USB", "PS4") are not shouting. Fewer capitals ("STILL", "AGAIN") are emphasis.
    /// </summary>
    private static FeelingSignal Capitals(ReadOnlySpan<char> text, ReadOnlySpan<Word> words)
    {
        int run = 0, longest = 0, capitalized = 0, long_ = 0, lettered = 0, spelled = 0, mostSpelled = 0, emphatic = 0;
        foreach (var word in words)
        {
            var original = word.Of(text);
            int letters = 0, upper = 0;
            foreach (var c in original)
            {
                letters += char.IsLetter(c) ? 1 : 0;
                upper += char.IsUpper(c) ? 1 : 0;
            }

            if (letters == 0)
            {
                continue;
            }

            // Acronyms ("USB", "PS4") and "I" neither shout nor break a shout.
            if (upper == letters && (letters < 2 || AcronymLookup.Contains(original)))
            {
                continue;
            }

            lettered++;
            var caps = upper == letters;
            run = caps ? run + 1 : 0;
            longest = Math.Max(longest, run);
            capitalized += caps ? 1 : 0;
            long_ += caps && letters >= 4 ? 1 : 0;
            emphatic += caps && letters >= 3 ? 1 : 0;

            // "fix. the. app.": each word a sentence of its own.
            var end = word.Start + word.Length;
            var alone = end < text.Length && text[end] == '.' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]));
            spelled = alone ? spelled + 1 : 0;
            mostSpelled = Math.Max(mostSpelled, spelled);
        }

        var claps = text.Count("\U0001F44F");
        return longest >= 3 || (capitalized >= 2 && capitalized == lettered) || long_ >= 3 || mostSpelled >= 3 || claps >= 2 ? FeelingSignal.Shouting
            : emphatic > 0 ? FeelingSignal.Emphasis
            : FeelingSignal.None;
    }

    /// <summary>Words: letters and digits, with apostrophes inside them ("don't") and the stars of "f*ck".</summary>
    private static int Words(ReadOnlySpan<char> lower, Span<Word> words)
    {
        var count = 0;
        var i = 0;
        while (i < lower.Length && count < words.Length)
        {
            while (i < lower.Length && !IsWordStart(lower[i]))
            {
                i++;
            }

            var start = i;
            while (i < lower.Length && (char.IsLetterOrDigit(lower[i]) || (lower[i] is '\'' or '*' or '$' or '!' && InsideWord(lower, i))))
            {
                i++;
            }

            if (i > start)
            {
                words[count++] = new Word(start, i - start);
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    private static bool IsWordStart(char c) => char.IsLetterOrDigit(c) || c == '$';

    /// <summary>An apostrophe, star, dollar or "!" inside a word: a letter or star before it, and a letter, star or end of the stars after ("f***").</summary>
    private static bool InsideWord(ReadOnlySpan<char> lower, int i)
    {
        var before = i > 0 && (char.IsLetter(lower[i - 1]) || lower[i - 1] is '*' or '$');
        var after = i + 1 < lower.Length && (char.IsLetter(lower[i + 1]) || lower[i + 1] is '*' or '$');
        return before && (after || (lower[i] == '*' && lower[i - 1] == '*'));
    }

    private static Dictionary<string, Pattern[]> Compile()
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
            "thinking of leaving", "thinking about leaving", "i'm leaving", "im leaving", "leaving you", "cancel everything",
            "going to cancel", "gonna cancel", "will cancel", "i'll cancel", "ill cancel", "about to cancel", "ready to cancel",
            "will be cancelling", "will be canceling", "thinking of cancelling", "thinking of canceling", "thinking about cancelling",
            "thinking about canceling", "considering cancelling", "considering canceling",
            "sue", "suing", "lawsuit", "lawyer", "lawyers", "attorney", "attorneys", "legal action", "solicitor", "solicitors",
            "small claims", "class action", "see you in court", "take you to court", "taking you to court",
            "report you", "reporting you", "report this to", "report it to", "reporting this to", "bbb",
            "better business bureau", "ftc", "fcc", "cfpb", "trading standards", "ombudsman", "consumer protection", "consumer affairs",
            "attorney general", "chargeback", "charge back", "dispute the charge", "file a complaint", "filing a complaint",
            "formal complaint", "official complaint", "ofcom", "ofgem",
            "bad review", "negative review", "terrible review", "awful review", "1 star", "one star", "zero stars", "0 stars",
            "leave a review", "leaving a review", "write a review", "writing a review", "post a review", "posting a review",
            "trustpilot", "yelp", "tell everyone", "telling everyone", "tell all my friends", "telling all my friends",
            "warn everyone", "warn others", "warn people", "warning others", "going public", "go public", "the press",
            "post this everywhere", "posting this everywhere", "all over social media");
        Add(FeelingSignal.Insult, false,
            "crooks", "thieves", "thieving", "scammers", "scamming", "you scammed", "scam artists",
            "what a scam", "total scam", "such a scam", "complete scam", "subscription scam", "frauds", "fraudsters",
            "fraudulent company", "liars", "you lied", "you're lying", "youre lying", "criminals", "clowns", "idiots", "you idiot",
            "idiotic", "morons", "moronic", "imbeciles", "incompetent", "incompetence", "amateurs", "amateur hour", "pathetic",
            "disgrace", "disgraceful", "shameful", "shameless", "joke of a", "what a joke", "is a joke", "are a joke",
            "you suck", "you guys suck", "yall suck", "y'all suck", "u suck", "fuck you", "f you", "f u", "f*** you", "f**k you",
            "screw you", "screw this", "screw your", "get your shit together", "get your act together", "get it together",
            "shame on you", "how dare you", "worst company", "worst customer service", "worst service", "worst airline",
            "worst bank", "worst provider", "you the worst", "you're the worst", "youre the worst", "you are the worst");
        Add(FeelingSignal.Recurrence, false,
            "still", "again", "yet another", "once again", "yet again", "again and again", "over and over", "every time", "everytime",
            "every single time", "each time", "repeatedly", "constantly", "continually", "keeps happening", "happened again",
            "happening again", "second time", "third time", "fourth time", "fifth time", "2nd time", "3rd time", "4th time",
            "5th time", "nth time", "umpteenth", "multiple times", "several times", "so many times", "many times", "countless times",
            "numerous times", "twice", "not the first time", "same problem", "same issue", "as usual", "like always");
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
        return all.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A phrase's words, its signal, and whether it is praise that is sarcasm only inside a complaint.</summary>
    private sealed record Pattern(string[] Words, FeelingSignal Signal, bool Praise);

    /// <summary>Where a word stands in the text.</summary>
    private readonly record struct Word(int Start, int Length)
    {
        public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
    }
}

using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Understanding;

/// <summary>
/// What a message says for each clarifying question (its slot), so that one answer fills every slot it holds and a
/// question already answered is not asked: the order number, the time, the amount, the product, app or device and
/// the account come from the entity readers as values ("4471-2231", "on Monday", "£89.00", "desk lamp"); what
/// happens, what was tried and what the purchase was are recognised by their words, and the words are the value.
/// </summary>
public static partial class SlotReader
{
    /// <summary>
    /// The value <paramref name="text"/> gives for the clarifying question <paramref name="question"/>, or null when
    /// it gives none.
    /// </summary>
    /// <param name="question">The question's id (<c>order_number</c>, <c>when</c>, <c>product</c>…).</param>
    /// <param name="text">What the customer wrote.</param>
    /// <param name="now">The moment they wrote, for relative times.</param>
    /// <param name="currency">The ISO 4217 code of an amount written without one (<c>Support:Currency</c>).</param>
    public static SlotValue? Read(string question, string? text, DateTimeOffset now, string currency)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = text.Trim();
        switch (question)
        {
            case "order_number":
                return OrderNumberReader.ReadAnswer(text) is { } order ? new SlotValue(order.Value, order.Text) : null;
            case "when":
                var monthFirst = string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase);
                return DateReader.Read(text, now, monthFirst) is [var date, ..] ? new SlotValue(date.Text.Trim(), date.Text.Trim()) : null;
            case "amount":
                // Asked "how much was the charge?", a fee is the charge: only when nothing else is named does it answer.
                // "£42 instead of £30": what is in dispute is the £12 overcharge.
                var amounts = MoneyReader.Read(text, currency);
                if (OverchargeReader.Read(text, amounts, currency) is { } overcharge)
                {
                    return new SlotValue($"{overcharge} overcharged", overcharge.Text);
                }

                return CaseAmounts.Charge(amounts) is { } amount ? new SlotValue(amount.ToString(), amount.Text) : null;
            case "product":
            case "device":
                return Product(text, preferDevice: question == "device");
            case "account":
                return Account(text);
            case "tried":
                return Tried().IsMatch(text) ? new SlotValue(words, words) : null;
            case "symptom":
            case "signin":
                return Symptom().IsMatch(text) ? new SlotValue(words, words) : null;
            case "purchase":
                // An order number given is an order; "headphones I bought" is a purchase.
                return Purchase().IsMatch(text) || OrderNumberReader.ReadFirst(text) is not null ? new SlotValue(words, words) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// What <paramref name="answer"/> tells of a problem beside <paramref name="value"/>, the words that answered the
    /// question ("o.reilly@gmail.com. I can't log in and there's a payment I don't recognise" beside the address gives
    /// "I can't log in and there's a payment I don't recognise"), or null when the rest is no problem to say back:
    /// a few words, a question, only venting.
    /// </summary>
    public static string? Beyond(string answer, string value)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var at = string.IsNullOrWhiteSpace(value) ? -1 : answer.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        // What leads up to the value ("it's", "my email is") is no problem told; a whole sentence before it may be.
        var before = answer[..at].Trim().TrimEnd(',', '-', ':');
        before = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4 ? string.Empty : before;
        var rest = LeadingJoin().Replace($"{before} {answer[(at + value.Length)..].Trim().TrimStart('.', ',', '-', ':', ';', ' ')}".Trim(), string.Empty).Trim();
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 && ComplaintReader.IsMirrorable(rest) && !ComplaintReader.OnlyVents(rest) && !ComplaintReader.ReadsAsQuestion(rest) ? rest : null;
    }

    /// <summary>
    /// Like <see cref="Read"/>, and a little more generous, for when the customer says they already gave it: a
    /// thing named after "my" or "the" ("the Nordlys inside is smashed") counts as the product, and what they wrote of
    /// the problem counts as what happens.
    /// </summary>
    public static SlotValue? ReadLoosely(string question, string? text, DateTimeOffset now, string currency)
    {
        if (Read(question, text, now, currency) is { } value)
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        switch (question)
        {
            case "product":
            case "device":
                foreach (Match match in Thing().Matches(text))
                {
                    var kept = match.Groups["np"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(Describing.Contains).ToArray();
                    if (kept.Length > 0 && !NotAThing.Contains(kept[^1]) && !NotAThing.Contains(kept[^1].TrimEnd('s')))
                    {
                        return new SlotValue(string.Join(' ', kept), match.Value.Trim());
                    }
                }

                return null;
            case "symptom":
            case "signin":
                return new SlotValue(text.Trim(), text.Trim());
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/>, sent in reply to <paramref name="question"/>, could be its answer: what
    /// <see cref="Read"/> finds, or for a question answered in many ways, words that fit it ("a week or so" for when
    /// it started, "my gmail" for the account). The order number and the amount must be found; what happens, what was
    /// tried and the purchase take any words. A reply without a letter or a digit ("???") answers nothing.
    /// </summary>
    public static bool Fits(string question, string? text, DateTimeOffset now, string currency)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetterOrDigit) || Filler().IsMatch(text))
        {
            return false;
        }

        if (Read(question, text, now, currency) is not null)
        {
            return true;
        }

        return question switch
        {
            "order_number" or "amount" => false,
            // "32.50" looks like "3/12" to the hint, but it is a price.
            "when" => TimeHint().IsMatch(text) && !MoneyReader.ReadReply(text, currency).Any(m => m.CurrencyWritten || m.Text.Contains('.', StringComparison.Ordinal)),
            "account" => AccountHint().IsMatch(text),
            _ => true,
        };
    }

    /// <summary>Whether <paramref name="text"/> names a fault: what happens ("it wont switch on", "keeps crashing", "error 43").</summary>
    public static bool NamesFault(string? text) => !string.IsNullOrWhiteSpace(text) && Symptom().IsMatch(text);

    private static SlotValue? Account(string text)
    {
        if (ContactReader.Read(text).FirstOrDefault(c => c.Kind == ContactKind.Email) is { } email)
        {
            return new SlotValue(email.Text.Trim(), email.Text.Trim());
        }

        // The complaint is kept masked ("j***@hotmail.co.uk"): the address was given all the same.
        var masked = MaskedEmail().Match(text);
        if (masked.Success)
        {
            return new SlotValue(masked.Value, masked.Value);
        }

        var user = Username().Match(text);
        if (user.Success)
        {
            return new SlotValue(user.Groups["name"].Value, user.Value.Trim());
        }

        // A reply that is only a handle ("dana88", "it's d.reyes") names the account when that is what was asked.
        var handle = Handle().Match(text);
        return handle.Success ? new SlotValue(handle.Groups["name"].Value, handle.Groups["name"].Value) : null;
    }

    /// <summary>The product, app or device named: a known one or an app first when <paramref name="preferDevice"/>; never a bare "app".</summary>
    private static SlotValue? Product(string text, bool preferDevice)
    {
        var named = ProductReader.Read(text).Where(p => p.Name is { Length: > 0 } name && !name.Equals("app", StringComparison.OrdinalIgnoreCase)).ToList();
        var best = (preferDevice ? named.FirstOrDefault(p => p.Kind != ProductKind.Item) : null) ?? named.FirstOrDefault();
        if (best is null && preferDevice && Connection().Match(text) is { Success: true } connection)
        {
            // "My internet has been down for 3 days": the connection is what isn't working; there is no app or version to ask for.
            var what = connection.Groups["what"].Value.ToLowerInvariant();
            // "interent" is the internet: the bot never repeats a typo.
            var name = what.StartsWith("wi", StringComparison.Ordinal) ? "wifi" : what.StartsWith("in", StringComparison.Ordinal) ? "internet" : what;
            return new SlotValue(name, connection.Value);
        }

        if (best is null)
        {
            // A reply that is only a make and model ("Samsung 55 inch", "it's a Hisense 50A6K") names the product too.
            var reply = text.Trim();
            var model = reply.Length <= 40 ? Model().Match(reply) : Match.Empty;
            // A model has a unit after its number ("55 inch") or letters and digits in one word ("50A6K"): "Sorry 3 weeks ago" has neither.
            return model.Success && (model.Groups["unit"].Success || model.Groups["name"].Value.Split(' ').Any(w => w.Any(char.IsDigit) && w.Any(char.IsLetter))) && !NotAMake.Contains(model.Groups["make"].Value) && OrderNumberReader.ReadFirst(text) is null
                ? new SlotValue(model.Groups["name"].Value, model.Groups["name"].Value)
                : null;
        }

        var value = best.Version is { } version && !best.Name!.Contains(version, StringComparison.Ordinal) ? $"{best.Name} {version}" : best.Name!;
        return new SlotValue(value, best.Text.Trim());
    }

    /// <summary>A connection named as the thing not working: "my internet", "the wifi", "broadband is down", "no signal".</summary>
    /// <summary>The fuller name, keeping a one-word kind of thing said before ("Samsung 55 inch" and "tv" give "Samsung 55 inch tv").</summary>
    public static string Refined(string earlier, SlotValue value)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(value);
        return !earlier.Contains(' ', StringComparison.Ordinal) && !value.Value.Contains(earlier, StringComparison.OrdinalIgnoreCase) && earlier.All(char.IsLetter)
            ? $"{value.Value} {earlier}"
            : value.Value;
    }

    /// <summary>
    /// Whether <paramref name="answer"/> to <paramref name="question"/> only says when ("last week", "since monday"),
    /// and nothing the question asked: a time given where a product or an attempt was asked.
    /// </summary>
    public static bool OnlyTime(string question, string answer, DateTimeOffset now, string currency) =>
        !string.IsNullOrWhiteSpace(answer) && Read(question, answer, now, currency) is null && Fits("when", answer, now, currency)
        && answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;

    [GeneratedRegex(@"(?:\b(?:my|our|the|no|home|house)\s+|^\W*)(?<what>internet|interent|internt|intenet|inernet|intrnet|interwebs?|wi-?fi|wi\s+fi|broadband|fibre|fiber|(?:mobile\s+)?data|signal|phone\s+line|landline)\b(?!\s+(?:app|site|website|page|router|box|bill|plan|package|account|password))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connection();

    /// <summary>
    /// Whether <paramref name="text"/> asks to change account details ("I want to change the email on my account to my
    /// new work one") with no trouble signing in: what happens at sign-in is not worth asking.
    /// </summary>
    public static bool OnlyChangesDetails(string? text) =>
        !string.IsNullOrWhiteSpace(text) && ChangeDetails().IsMatch(text) && !SignInTrouble().IsMatch(text);

    [GeneratedRegex(@"\b(?:change|update|switch|replace|edit)\s+(?:the\s+|my\s+|our\s+)?(?:account\s+|login\s+|registered\s+)?(?:e-?mail(?:\s+address)?|user\s*name|phone\s+number|mobile\s+number|display\s+name|name|address)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeDetails();

    [GeneratedRegex(@"\b(?:can'?t|cannot|cant|unable\s+to|won'?t\s+let\s+me|couldn'?t)\s+(?:log|sign|get)\b|\b(?:locked|hacked|password|code|2fa|verification|suspended|disabled|compromised)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignInTrouble();

    /// <summary>A reply that answers nothing whatever was asked: "need help", "hello??", "is anyone actually reading this".</summary>
    [GeneratedRegex(@"^\W*(?:(?:i\s+)?(?:need|want)\s+(?:some\s+)?help(?:\s+(?:please|pls|now|asap))?|help(?:\s+(?:me|please|pls))?|hello|hi|hey|hiya|anyone|anybody|hello\s+anyone|(?:is\s+)?(?:any\s*one|any\s*body|someone|somebody)\s+(?:there|here|reading\s+this|actually\s+reading\s+this)|are\s+you\s+(?:there|still\s+there|a\s+bot|real)|what|huh|eh)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    /// <summary>Capitalised words before a number that are not a make: "Order 12345", "Monday 5th", "Flat 3".</summary>
    private static readonly HashSet<string> NotAMake = new(StringComparer.OrdinalIgnoreCase)
    {
        "order", "ref", "reference", "invoice", "account", "case", "ticket", "booking", "flat", "unit", "room", "apartment", "suite", "floor",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "about", "around", "over", "under", "since", "maybe", "probably", "like", "version", "page", "step", "number", "no",
    };

    /// <summary>A reply that is only a make and a model: a capitalised make, then up to three words of model, at least one with a digit.</summary>
    [GeneratedRegex(@"^(?i:it'?s\s+|its\s+)?(?i:(?:a|an|the|my)\s+)?(?<name>(?<make>\p{Lu}[\p{L}&-]+)(?:\s+[\p{L}\d+-]+){1,3}?(?:\s*(?<unit>(?i:inch(?:es)?|gb|tb|mm|cm|litres?|watts?)))?)[.!]?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Model();

    /// <summary>Words that describe rather than name the thing ("my new lamp" is a "lamp").</summary>
    private static readonly HashSet<string> Describing = new(StringComparer.OrdinalIgnoreCase) { "new", "old", "brand", "whole", "lovely", "expensive", "stupid", "bloody", "damn", "actual", "own" };

    /// <summary>What a customer names after "the" that is not the product: the packaging, the order, the people.</summary>
    private static readonly HashSet<string> NotAThing = new(StringComparer.OrdinalIgnoreCase)
    {
        "box", "boxes", "parcel", "package", "packaging", "delivery", "order", "courier", "driver", "item", "thing", "stuff", "product", "company",
        "service", "money", "refund", "shop", "store", "website", "site", "email", "mail", "glass", "shade", "screen", "lid", "top", "bottom",
        "side", "front", "back", "inside", "outside", "one", "same", "time", "day", "week", "way", "problem", "issue", "end", "moment", "bot",
        "app", "application", "account", "password", "payment", "charge", "bill", "update", "whole", "man", "woman", "guy", "lady", "staff",
        "person", "people", "technician", "engineer", "agent", "manager", "team", "support", "chat", "message", "call", "reply",
        "answer", "question", "complaint", "ticket", "number", "code",
        "hell", "heck", "fuck", "f", "frick", "devil", "point", "joke", "deal", "matter", "world", "earth", "rest", "lot",
    };

    /// <summary>A thing named after "my" or "the" and followed by what happened to it ("the Nordlys inside is smashed").</summary>
    [GeneratedRegex(@"\b(?:my|the|our|this|that)\s+(?<np>[\p{L}][\w'-]*(?:\s+[\p{L}][\w'-]*){0,2}?)(?=\s+(?:is|was|has|had|arrived|came|broke|cracked|stopped|keeps|won'?t|doesn'?t|isn'?t|wasn'?t|inside|itself|got|looks|never)\b|\s*[,.!?;]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Thing();

    [GeneratedRegex(@"(?<!\b(?:nobody|no\s+one|no-one|never|not|n't|nt|they|he|she|you|u|engineer|technician|courier|driver|someone|somebody)\s+(?:even\s+|ever\s+|has\s+|had\s+|have\s+|just\s+)?)\b(tried|already|called|phoned|rang|emailed|e-mailed|contacted|chatted|messaged|restarted|rebooted|reset|reinstalled|checked|asked|complained|waited|turned it off|turned (?:it|them|the \w+|\w+) (?:off and on|on and off|off)|off and on again|on and off again|power ?cycled|switched (?:it )?off|unplugged|updated|cleared|on hold|my emails|my messages|my calls|chased|chasing|wrote to|contacting|calling|emailing|messaging|(second|third|fourth|fifth|\d+(st|nd|rd|th)) time (i'?ve |i'?m |i )?(contact|call|email|messag|writ|ask|tr)\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tried();

    /// <summary>
    /// What the customer did, as the brief lists it: "I already restarted the router like 10 times this is a joke" is
    /// "restarted the router like 10 times". Venting, and the "I already" that opens it, are left out; the words
    /// themselves stay with the answer.
    /// </summary>
    public static string WhatWasDone(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Contains('“', StringComparison.Ordinal))
        {
            return words; // a note of the bot's own ("my answer to “how do I…?”"), kept whole
        }

        var parts = words.Split(['.', '!', '?', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => VentAtEnd().Replace(p, string.Empty).Trim().TrimEnd(','))
            .Where(p => p.Length > 0 && !ComplaintReader.OnlyVents(p) && !EchoedQuestion().IsMatch(p))
            .Select(p => IDid().Replace(p, string.Empty))
            .ToList();
        var done = string.Join("; ", parts);
        return done.Length == 0 ? words : done;
    }

    /// <summary>"… this is a joke", "… it's ridiculous", "… ffs" closing a clause.</summary>
    [GeneratedRegex(@"[\s,-]+(?:(?:this|it|that)(?:\s+is|'s|s)\s+(?:a\s+joke|ridiculous|a\s+disgrace|insane|unacceptable|pathetic|a\s+nightmare|beyond\s+a\s+joke|so\s+annoying)|ffs|smh|wtf|lol|fr)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VentAtEnd();

    /// <summary>"Tried??", "what", "what am I supposed to try, it's YOUR van": the question said back or thrown back, no answer.</summary>
    [GeneratedRegex(@"^\W*(?:tried|what|what\s+have\s+i\s+tried|like\s+what)\W*$|^\W*(?:what|which)\s+(?:else\s+)?(?:am|was|could|should|can|do|would|shall)\s+i\s+(?:(?:supposed|meant|expected)\s+to\s+)?(?:try|do)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EchoedQuestion();

    /// <summary>"I already", "I've even", "i have" before what they did ("restarted", "rang", "sent").</summary>
    [GeneratedRegex(@"^i(?:\s+have|'ve|ve)?\s+(?:already\s+|even\s+|just\s+|also\s+)?(?=\w+ed\b|(?:rang|sent|spoke|did|took|went|got|made|gave|put|paid|bought|told|wrote|ran|reset|tried|done)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IDid();

    [GeneratedRegex(@"\b(error|says|said|message|otp|not (?:getting|receiving)|never (?:gets?|got|receives?|comes?|came|arrives?)|crash(es|ed|ing)?|freez(es|ing)|frozen|blank|black screen|keeps|won'?t|doesn'?t|can'?t|cannot|fails?|failed|stuck|spinning|wrong password|locked|code|loading|(?:logs?|logging|logged|signs?|signing|signed|kicks?|kicking|kicked|throws?|throwing|boots?|booting|booted) me (?:out|off)|drops?|dropping|dropped|drop-?outs?|disconnect(s|ed|ing)?|cuts? (out|off)|cutting out|lag(s|gy|ging)?|buffer(s|ing)|slow|offline|(?:is|was|been|went|goes|going|keeps going) down|outages?|out of service|red|orange|flash(es|ing)|blink(s|ing)|no (signal|connection|internet|wifi|wi-fi|broadband|sound|picture|service|dial tone|power|lights?)|lights? (is |are )?(off|out|red|orange|flashing|blinking)|not (working|loading|connecting|charging|responding|turning on)|goes (off|dead|blank)|shuts? (down|off)|turns? off|restarts?|reboots?|overheat(s|ing)?|dead|flicker(s|ed|ing|y)?|glitch(es|ed|ing|y)?|bugg(y|ed)|bugs?|broke|broken|stopped (working|charging|loading|responding)|crack(s|ed)?|smashed|shattered|faulty|defective|leak(s|ed|ing)?|distorted|dead pixels?|lines (on|across)|beep(s|ing)|rattl(es|ing)|buzz(es|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Symptom();

    [GeneratedRegex(@"\b(order|ordered|bought|purchased|pre-?order(ed)?|subscription|subscribed|plan|bill|bills|billed|invoice|invoiced|booking|booked|reservation|membership|contract|ticket|flight|trip|monthly|yearly|annual|renewal|renewed|auto-?renew(ed|al)?|(a|per|each|every|another|extra|next)\s+month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Purchase();

    /// <summary>Words that say when: "a week or so", "ages ago", "since Friday", "every evening", "this morning".</summary>
    [GeneratedRegex(@"\b(ago|since|ages|while|forever|always|recently|lately|today|tonight|yesterday|tomorrow|earlier|last|every|past|couple|few|morning|afternoon|evening|night|weekend|week|weeks|day|days|month|months|year|years|hour|hours|minute|minutes|mins|update|updated|upgrade|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|easter|holiday|holidays)\b|\b\d{1,2}(st|nd|rd|th)\b|\b\d{1,2}[/.-]\d{1,2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeHint();

    /// <summary>Words that point to an account: a handle, an address or the service it is with ("my gmail", "the one with my work email").</summary>
    [GeneratedRegex(@"@|\d|\b(e-?mail|gmail|outlook|hotmail|yahoo|icloud|aol|live|username|user|handle|login|id|account|profile|gamertag|psn|xbox|steam|apple|google|microsoft|facebook|phone|number|mobile|work|personal|business|main|old|new)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountHint();

    /// <summary>A whole reply that is one handle with a digit, dot or underscore in it: "dana88", "it's d.reyes_01".</summary>
    [GeneratedRegex(@"^\s*(?:(?:it'?s|it\s+is|my\s+username\s+is|username|user)[\s:]+)?(?<name>(?=[\w.-]*[\d._])[a-z][\w.-]{2,30})\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Handle();

    [GeneratedRegex(@"\b(username|user name|user id|login)\s*(is|:)?\s*(?<name>[\w.@-]{3,})", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Username();

    [GeneratedRegex(@"(?<![\w.+*-])[A-Za-z0-9]\*{3}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex MaskedEmail();

    [GeneratedRegex(@"^(?:(?:and|but|so|also|plus|oh)\b[\s,]*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingJoin();
}

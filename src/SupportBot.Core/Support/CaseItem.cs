using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>The thing a case is about, as the bot names it when it asks what it cost: "your PS5", "the sofa".</summary>
internal static partial class CaseItem
{
    /// <summary>
    /// What the amount asked for is the price of: the product in the customer's words ("the lamp", or "the Nordlys"
    /// from "the Nordlys inside is smashed"); null when they named none (the prompt then says "it") or the remedy
    /// pays back a delivery fee.
    /// </summary>
    public static SlotValue? Named(SupportCase supportCase, Remedy remedy, DateTimeOffset now, string currency)
    {
        if (remedy.PaysFor == MoneyPurpose.Delivery)
        {
            return null;
        }

        // The problem as told and the answers name it; another problem raised on the way ("also the tracking link
        // doesn't work") is not what the remedy pays for.
        var told = supportCase.Said().Except(supportCase.UnderlyingIssues, StringComparer.Ordinal).ToList();

        // "Bought the season pass and nothing unlocked": what was paid for is the season pass, whatever it runs on.
        if (told.Select(text => Bought().Match(text)).FirstOrDefault(m => m.Success) is { } bought)
        {
            var thing = bought.Groups["thing"].Value;
            return new SlotValue(thing, bought.Groups["which"].Value + " " + thing);
        }

        var said = told.Select(text => SlotReader.Read("product", text, now, currency)).FirstOrDefault(p => p is not null)
            ?? SlotReader.ReadLoosely("product", supportCase.Complaint, now, currency);
        // A product answer that says more than the first words did names it best: "your Samsung 55 inch tv", not "your tv".
        // Only a plain name, though: "YOUR app?? The android one, pixel 7" names the Pixel 7, and is no name to say back.
        var named = supportCase.Answers.Find(a => a.QuestionId is "product" or "device" && !a.SaysNothing) is { } product
            && (said is null || (product.Answer.Length > said.Value.Length && product.Answer.Contains(said.Value, StringComparison.OrdinalIgnoreCase)))
            && PlainName().IsMatch(product.Answer)
            ? new SlotValue(product.Answer, "my " + product.Answer)
            : said;

        // "ps5" alone is "your PS5": the name as the reader knows it, and whose it is.
        return named is not null && !Owned().IsMatch(named.Words) ? new SlotValue(named.Value, "my " + named.Value) : named;
    }

    /// <summary>A few words of a name, no question or aside: "Samsung 55 inch tv", "the blue lamp".</summary>
    [GeneratedRegex(@"^(?!(?:your|my|it|its|it's|the\s+one|none|nothing|no|nope|nah|n/a|not\s+sure|dunno|idk|unknown)\b)[\w£$€.'+-]+(?:\s+[\w£$€.'+-]+){0,4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    /// <summary>Words that already say whose or which thing it is ("my lamp", "the sofa", "a kettle").</summary>
    [GeneratedRegex(@"^(?:my|the|our|your|his|her|their|a|an|this|that)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Owned();

    /// <summary>"A sofa" the customer bought is "the sofa" when asked what it cost.</summary>
    public static string Definite(string words) =>
        words.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? "the " + words[2..]
        : words.StartsWith("an ", StringComparison.OrdinalIgnoreCase) ? "the " + words[3..]
        : words;

    /// <summary>"bought the season pass and…", "paid for a 12 month plan.": the thing paid for, up to three words.</summary>
    [GeneratedRegex(@"\b(?:bought|purchased|paid\s+for|ordered)\s+(?<which>the|a|an|my)\s+(?<thing>(?!(?:one|it|thing)\b)[a-z][\w-]*(?:\s+(?!(?:and|but|for|from|on|in|at|last|yesterday|today|which|that|with|to)\b)[a-z][\w-]*){0,2})(?=\s+(?:and|but|for|from|on|in|at|last|yesterday|today|which|that|with|to)\b|\s*[,.!?;]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bought();
}

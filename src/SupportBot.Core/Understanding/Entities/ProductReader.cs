using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// A light reader for the product, app or device a customer names: known brands and systems with their model
/// ("my iPhone 15 Pro", "Xbox Series X", "Windows 11", "the Roku app"), any "X app" ("the Tesco app"), everyday
/// things bought ("the lamp", "my new desk lamp") and app versions ("version 3.2.1", "v3.2"). It is a list and a
/// few patterns, not a catalogue: an unknown brand with no "app" after it is not found.
/// </summary>
public static partial class ProductReader
{
    private static readonly Dictionary<string, (string Name, ProductKind Kind)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iphone"] = ("iPhone", ProductKind.Device),
        ["ipad"] = ("iPad", ProductKind.Device),
        ["macbook"] = ("MacBook", ProductKind.Device),
        ["imac"] = ("iMac", ProductKind.Device),
        ["apple watch"] = ("Apple Watch", ProductKind.Device),
        ["apple tv"] = ("Apple TV", ProductKind.Device),
        ["airpods"] = ("AirPods", ProductKind.Device),
        ["galaxy"] = ("Galaxy", ProductKind.Device),
        ["samsung galaxy"] = ("Samsung Galaxy", ProductKind.Device),
        ["pixel"] = ("Pixel", ProductKind.Device),
        ["google pixel"] = ("Google Pixel", ProductKind.Device),
        ["oneplus"] = ("OnePlus", ProductKind.Device),
        ["xbox"] = ("Xbox", ProductKind.Device),
        ["playstation"] = ("PlayStation", ProductKind.Device),
        ["ps4"] = ("PS4", ProductKind.Device),
        ["ps5"] = ("PS5", ProductKind.Device),
        ["nintendo switch"] = ("Nintendo Switch", ProductKind.Device),
        ["kindle"] = ("Kindle", ProductKind.Device),
        ["fire tv"] = ("Fire TV", ProductKind.Device),
        ["fire stick"] = ("Fire Stick", ProductKind.Device),
        ["firestick"] = ("Fire Stick", ProductKind.Device),
        ["roku"] = ("Roku", ProductKind.Device),
        ["chromecast"] = ("Chromecast", ProductKind.Device),
        ["thinkpad"] = ("ThinkPad", ProductKind.Device),
        ["sonos"] = ("Sonos", ProductKind.Device),
        ["fitbit"] = ("Fitbit", ProductKind.Device),
        ["gopro"] = ("GoPro", ProductKind.Device),
        ["echo dot"] = ("Echo Dot", ProductKind.Device),
        ["dyson"] = ("Dyson", ProductKind.Device),
        ["windows"] = ("Windows", ProductKind.OperatingSystem),
        ["macos"] = ("macOS", ProductKind.OperatingSystem),
        ["ios"] = ("iOS", ProductKind.OperatingSystem),
        ["ipados"] = ("iPadOS", ProductKind.OperatingSystem),
        ["android"] = ("Android", ProductKind.OperatingSystem),
        ["chromeos"] = ("ChromeOS", ProductKind.OperatingSystem),
        ["linux"] = ("Linux", ProductKind.OperatingSystem),
        ["ubuntu"] = ("Ubuntu", ProductKind.OperatingSystem),
        ["netflix"] = ("Netflix", ProductKind.App),
        ["spotify"] = ("Spotify", ProductKind.App),
        ["whatsapp"] = ("WhatsApp", ProductKind.App),
        ["instagram"] = ("Instagram", ProductKind.App),
        ["facebook"] = ("Facebook", ProductKind.App),
        ["youtube"] = ("YouTube", ProductKind.App),
        ["disney+"] = ("Disney+", ProductKind.App),
        ["disney plus"] = ("Disney+", ProductKind.App),
        ["prime video"] = ("Prime Video", ProductKind.App),
        ["gmail"] = ("Gmail", ProductKind.App),
        ["outlook"] = ("Outlook", ProductKind.App),
        ["zoom"] = ("Zoom", ProductKind.App),
    };

    /// <summary>Words that describe rather than name: "my new lamp" is a "lamp".</summary>
    private static readonly HashSet<string> Describing = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "old", "brand", "broken", "damaged", "faulty", "expensive", "cheap", "stupid", "whole", "first", "second",
        "replacement", "other", "same", "entire", "lovely", "beautiful", "bloody", "damn", "only", "actual", "own", "one",
        "that", "this", "is", "was", "and", "of", "a", "the", "my",
    };

    /// <summary>The products named in <paramref name="text"/>, in the order written.</summary>
    public static IReadOnlyList<ProductMention> Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<ProductMention>();
        foreach (Match match in KnownName().Matches(text))
        {
            if (match.Groups["model"].Length == 0 && !match.Groups["app"].Success && char.IsLower(match.Value[0]) && Ambiguous().IsMatch(match.Value))
            {
                continue; // "the windows of the van", "zoom in"
            }

            var (name, kind) = Known[Spaced().Replace(match.Groups["base"].Value, " ").Replace(" +", "+", StringComparison.Ordinal)];
            var model = match.Groups["model"].Value.Trim();
            var isApp = match.Groups["app"].Success;
            var full = (model.Length == 0 ? name : $"{name} {model}") + (isApp ? " app" : string.Empty);
            var version = kind == ProductKind.OperatingSystem && model.Length > 0 && char.IsAsciiDigit(model[0]) ? model : null;
            Add(found, new ProductMention { Name = full, Kind = isApp ? ProductKind.App : kind, Version = version, Text = match.Value, Start = match.Index });
        }

        foreach (Match match in NamedApp().Matches(text))
        {
            var name = string.Join(' ', match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(Describing.Contains));
            Add(found, new ProductMention { Name = name.Length == 0 ? "app" : $"{name} app", Kind = ProductKind.App, Text = match.Value, Start = match.Index });
        }

        foreach (Match match in ThingBought().Matches(text))
        {
            var words = match.Groups["mods"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kept = words.SkipWhile(w => Describing.Contains(w) || !char.IsLetter(w[0])).ToArray();
            var name = string.Join(' ', [.. kept, match.Groups["head"].Value]);
            Add(found, new ProductMention { Name = name, Kind = ProductKind.Item, Text = match.Value, Start = match.Index });
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        AttachVersions(text, found);
        return found;
    }

    /// <summary>The first product named in <paramref name="text"/>, or null.</summary>
    public static ProductMention? ReadFirst(string? text)
    {
        var all = Read(text);
        return all.Count == 0 ? null : all[0];
    }

    private static void Add(List<ProductMention> found, ProductMention mention)
    {
        foreach (var existing in found)
        {
            if (mention.Start < existing.Start + existing.Length && existing.Start < mention.Start + mention.Length)
            {
                return;
            }
        }

        found.Add(mention);
    }

    /// <summary>A version goes to the nearest app or device before it, else after it, else stands alone.</summary>
    private static void AttachVersions(string text, List<ProductMention> found)
    {
        foreach (Match match in Version().Matches(text))
        {
            var version = match.Groups["ver"].Value;
            var best = -1;
            var distance = int.MaxValue;
            for (var i = 0; i < found.Count; i++)
            {
                var mention = found[i];
                if (mention.Kind == ProductKind.Item || mention.Version is not null)
                {
                    continue;
                }

                var gap = mention.Start > match.Index ? mention.Start - match.Index - match.Length : match.Index - mention.Start - mention.Length;
                if (gap >= -match.Length && gap < 40 && gap < distance)
                {
                    (best, distance) = (i, gap);
                }
            }

            if (best >= 0)
            {
                found[best] = found[best] with { Version = version };
            }
            else
            {
                found.Add(new ProductMention { Kind = ProductKind.App, Version = version, Text = match.Value, Start = match.Index });
            }
        }
    }

    [GeneratedRegex(
        @"\b(?<base>apple\s+watch|apple\s+tv|samsung\s+galaxy|google\s+pixel|nintendo\s+switch|fire\s+tv|fire\s+stick|echo\s+dot|disney\s*(?:\+|plus)|prime\s+video|iphone|ipad|macbook|imac|airpods|galaxy|pixel|oneplus|xbox|playstation|ps[45]|kindle|firestick|roku|chromecast|thinkpad|sonos|fitbit|gopro|dyson|windows|macos|ipados|ios|android|chromeos|linux|ubuntu|netflix|spotify|whatsapp|instagram|facebook|youtube|gmail|outlook|zoom)(?![\p{L}_+]|\d+[\p{L}_])"
        + @"(?<model>(?:(?:\s+|(?<=\p{L}))(?:\d[\w.]*)|\s+(?:(?!v\d)[a-z]\d[\w.]*|pro|max|plus|mini|ultra|air|lite|series|se|xl|one|slim|oled|fold|flip|paperwhite|[xs](?!\w)|fe|home|(?<=series\s)[a-z](?!\w))){0,4})"
        + @"(?<app>\s+app)?(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex KnownName();

    /// <summary>"the app", "your mobile app", "the Tesco app", "Tesco Clubcard app".</summary>
    [GeneratedRegex(@"(?:\b(?i:the|your|ur|my|this|that|our)\s+(?<name>(?:[\w+&'.-]+\s+){0,2}?)|\b(?!(?i:the|your|my|this|that|our)\b)(?<name>[A-Z][\w+&'.-]*(?:\s+[A-Z][\w+&'.-]*){0,2})\s+)app\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedApp();

    [GeneratedRegex(
        @"\b(?:my|the|our|this|that|a|an|his|her|their|your|ur)\s+(?<mods>(?:(?:[a-z][\w-]*|[£$€]\d[\d.,]*)\s+){0,2})(?<head>lamp|phone|mobile|laptop|tablet|tv|television|router|modem|printer|headphones|earbuds|speaker|charger|cable|watch|camera|console|controller|sofa|couch|chair|table|desk|bed|mattress|fridge|freezer|oven|microwave|kettle|toaster|dishwasher|washing\s+machine|dryer|vacuum|hoover|blender|coffee\s+machine|heater|fan|bike|scooter|shoes|trainers|boots|jacket|coat|dress|shirt|jeans|bag|suitcase|necklace|mirror|rug|curtains|lightbulb|keyboard|mouse|monitor|smartwatch|drill|lawnmower|pram|car\s+seat|vase|mug|plate|bowl|frame|clock|shelf|shelves|cabinet|wardrobe|cartridge|ink|toner|book|toy|pan|duvet|pillow|candle|ornament|computer|pc|headset|hub|game|perfume|sunglasses|ring|earrings|bracelet|jumper|sweater|hoodie|cardigan|t-shirt|tshirt|top|blouse|trousers|skirt|shorts|leggings|socks|pyjamas|pajamas|suit|hat|scarf|gloves|sandals|slippers|towel|sheets|blanket|backpack|wallet|purse)s?\b(?!\s+(?:call|calls|number|line|support|bill|contract|plan|signal))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ThingBought();

    [GeneratedRegex(@"\b(?:app\s+)?(?:version|ver\.?|v|build)\s?(?<ver>\d+(?:\.\d+){1,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Version();

    [GeneratedRegex(@"^(?:windows|zoom|outlook|galaxy|pixel|echo|kindle|fitbit)$", RegexOptions.CultureInvariant)]
    private static partial Regex Ambiguous();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaced();
}

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
        ["chromebook"] = ("Chromebook", ProductKind.Device),
        ["surface"] = ("Surface", ProductKind.Device),
        ["steam deck"] = ("Steam Deck", ProductKind.Device),
        ["oculus"] = ("Oculus", ProductKind.Device),
        ["meta quest"] = ("Meta Quest", ProductKind.Device),
        ["echo show"] = ("Echo Show", ProductKind.Device),
        ["google home"] = ("Google Home", ProductKind.Device),
        ["nest"] = ("Nest", ProductKind.Device),
        ["garmin"] = ("Garmin", ProductKind.Device),
        ["mac"] = ("Mac", ProductKind.Device),
        ["creative cloud"] = ("Creative Cloud", ProductKind.App),
        ["adobe creative cloud"] = ("Adobe Creative Cloud", ProductKind.App),
        ["photoshop"] = ("Photoshop", ProductKind.App),
        ["lightroom"] = ("Lightroom", ProductKind.App),
        ["premiere pro"] = ("Premiere Pro", ProductKind.App),
        ["premiere"] = ("Premiere", ProductKind.App),
        ["illustrator"] = ("Illustrator", ProductKind.App),
        ["indesign"] = ("InDesign", ProductKind.App),
        ["after effects"] = ("After Effects", ProductKind.App),
        ["acrobat"] = ("Acrobat", ProductKind.App),
        ["adobe reader"] = ("Adobe Reader", ProductKind.App),
        ["adobe"] = ("Adobe", ProductKind.App),
        ["microsoft teams"] = ("Microsoft Teams", ProductKind.App),
        ["teams"] = ("Teams", ProductKind.App),
        ["microsoft office"] = ("Microsoft Office", ProductKind.App),
        ["microsoft 365"] = ("Microsoft 365", ProductKind.App),
        ["office 365"] = ("Office 365", ProductKind.App),
        ["word"] = ("Word", ProductKind.App),
        ["excel"] = ("Excel", ProductKind.App),
        ["powerpoint"] = ("PowerPoint", ProductKind.App),
        ["onedrive"] = ("OneDrive", ProductKind.App),
        ["sharepoint"] = ("SharePoint", ProductKind.App),
        ["skype"] = ("Skype", ProductKind.App),
        ["hotmail"] = ("Hotmail", ProductKind.App),
        ["minecraft"] = ("Minecraft", ProductKind.App),
        ["game pass"] = ("Game Pass", ProductKind.App),
        ["xbox live"] = ("Xbox Live", ProductKind.App),
        ["microsoft edge"] = ("Microsoft Edge", ProductKind.App),
        ["edge"] = ("Edge", ProductKind.App),
        ["google chrome"] = ("Google Chrome", ProductKind.App),
        ["chrome"] = ("Chrome", ProductKind.App),
        ["firefox"] = ("Firefox", ProductKind.App),
        ["safari"] = ("Safari", ProductKind.App),
        ["google drive"] = ("Google Drive", ProductKind.App),
        ["google maps"] = ("Google Maps", ProductKind.App),
        ["google photos"] = ("Google Photos", ProductKind.App),
        ["google play"] = ("Google Play", ProductKind.App),
        ["play store"] = ("Play Store", ProductKind.App),
        ["app store"] = ("App Store", ProductKind.App),
        ["google assistant"] = ("Google Assistant", ProductKind.App),
        ["youtube music"] = ("YouTube Music", ProductKind.App),
        ["youtube tv"] = ("YouTube TV", ProductKind.App),
        ["itunes"] = ("iTunes", ProductKind.App),
        ["icloud"] = ("iCloud", ProductKind.App),
        ["apple music"] = ("Apple Music", ProductKind.App),
        ["apple pay"] = ("Apple Pay", ProductKind.App),
        ["facetime"] = ("FaceTime", ProductKind.App),
        ["imessage"] = ("iMessage", ProductKind.App),
        ["siri"] = ("Siri", ProductKind.App),
        ["alexa"] = ("Alexa", ProductKind.App),
        ["amazon prime"] = ("Amazon Prime", ProductKind.App),
        ["amazon music"] = ("Amazon Music", ProductKind.App),
        ["audible"] = ("Audible", ProductKind.App),
        ["hulu"] = ("Hulu", ProductKind.App),
        ["hbo max"] = ("HBO Max", ProductKind.App),
        ["paramount+"] = ("Paramount+", ProductKind.App),
        ["paramount plus"] = ("Paramount+", ProductKind.App),
        ["twitch"] = ("Twitch", ProductKind.App),
        ["tiktok"] = ("TikTok", ProductKind.App),
        ["snapchat"] = ("Snapchat", ProductKind.App),
        ["twitter"] = ("Twitter", ProductKind.App),
        ["reddit"] = ("Reddit", ProductKind.App),
        ["pinterest"] = ("Pinterest", ProductKind.App),
        ["linkedin"] = ("LinkedIn", ProductKind.App),
        ["telegram"] = ("Telegram", ProductKind.App),
        ["discord"] = ("Discord", ProductKind.App),
        ["messenger"] = ("Messenger", ProductKind.App),
        ["uber eats"] = ("Uber Eats", ProductKind.App),
        ["uber"] = ("Uber", ProductKind.App),
        ["deliveroo"] = ("Deliveroo", ProductKind.App),
        ["airbnb"] = ("Airbnb", ProductKind.App),
        ["paypal"] = ("PayPal", ProductKind.App),
        ["venmo"] = ("Venmo", ProductKind.App),
        ["cash app"] = ("Cash App", ProductKind.App),
        ["ebay"] = ("eBay", ProductKind.App),
        ["steam"] = ("Steam", ProductKind.App),
        ["epic games"] = ("Epic Games", ProductKind.App),
        ["fortnite"] = ("Fortnite", ProductKind.App),
        ["roblox"] = ("Roblox", ProductKind.App),
        ["call of duty"] = ("Call of Duty", ProductKind.App),
        ["warzone"] = ("Warzone", ProductKind.App),
        ["gta online"] = ("GTA Online", ProductKind.App),
        ["red dead online"] = ("Red Dead Online", ProductKind.App),
        ["psn"] = ("PSN", ProductKind.App),
        ["playstation network"] = ("PlayStation Network", ProductKind.App),
        ["dropbox"] = ("Dropbox", ProductKind.App),
        ["slack"] = ("Slack", ProductKind.App),
        ["webex"] = ("Webex", ProductKind.App),
        ["notion"] = ("Notion", ProductKind.App),
        ["evernote"] = ("Evernote", ProductKind.App),
        ["trello"] = ("Trello", ProductKind.App),
        ["canva"] = ("Canva", ProductKind.App),
        ["quickbooks"] = ("QuickBooks", ProductKind.App),
        ["shopify"] = ("Shopify", ProductKind.App),
        ["wordpress"] = ("WordPress", ProductKind.App),
        ["samsung"] = ("Samsung", ProductKind.Device),
        ["huawei"] = ("Huawei", ProductKind.Device),
        ["xiaomi"] = ("Xiaomi", ProductKind.Device),
        ["redmi"] = ("Redmi", ProductKind.Device),
        ["motorola"] = ("Motorola", ProductKind.Device),
        ["moto"] = ("Moto", ProductKind.Device),
        ["nokia"] = ("Nokia", ProductKind.Device),
        ["sony"] = ("Sony", ProductKind.Device),
        ["xperia"] = ("Xperia", ProductKind.Device),
        ["oppo"] = ("Oppo", ProductKind.Device),
        ["lenovo"] = ("Lenovo", ProductKind.Device),
        ["dell"] = ("Dell", ProductKind.Device),
        ["asus"] = ("Asus", ProductKind.Device),
        ["acer"] = ("Acer", ProductKind.Device),
    };

    /// <summary>Makers of every kind of thing: only with a model code ("samsung s22", "Moto G7") are they a device; "my Samsung TV" is a TV, "Samsung 55 inch" a size.</summary>
    private static readonly HashSet<string> MakersNeedModel = new(StringComparer.OrdinalIgnoreCase)
    {
        "samsung", "huawei", "xiaomi", "motorola", "moto", "nokia", "sony", "oppo", "lenovo", "dell", "asus", "acer",
    };

    /// <summary>Known names that are also everyday words: written in lower case with no model or "app" after them, they are not taken as the name.</summary>
    private static readonly HashSet<string> Ambiguous = new(StringComparer.Ordinal)
    {
        "windows", "zoom", "outlook", "galaxy", "pixel", "kindle", "fitbit", "surface", "nest", "mac", "premiere", "illustrator",
        "teams", "word", "excel", "edge", "chrome", "safari", "siri", "alexa", "twitter", "telegram", "messenger", "uber",
        "steam", "notion", "slack", "discord", "audible", "adobe",
    };

    /// <summary>Every known name, longest first, as one pattern ("apple watch" before "apple", spaces as any run of space).</summary>
    private static readonly Regex KnownNames = new(
        @"\b(?<base>" + string.Join('|', Known.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+", StringComparison.Ordinal)))
        + @")(?![\p{L}_+]|\d+[\p{L}_])"
        + @"(?<model>(?:(?:\s+|(?<=\p{L}))(?:\d[\w.]*)|\s+(?:(?!v\d)[a-z]\d[\w.]*|pro|max|plus|mini|ultra|air|lite|series|se|xl|one|slim|oled|fold|flip|paperwhite|[xs](?!\w)|fe|home|(?<=series\s)[a-z](?!\w))){0,4})"
        + @"(?<app>\s+app)?(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled);

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
        foreach (Match match in KnownNames.Matches(text))
        {
            if (match.Groups["model"].Length == 0 && !match.Groups["app"].Success && char.IsLower(match.Value[0]) && Ambiguous.Contains(match.Value) && !Owned().IsMatch(text.AsSpan(0, match.Index)))
            {
                continue; // "the windows of the van", "zoom in", "in a word"; but "my mac"
            }

            if (MakersNeedModel.Contains(match.Groups["base"].Value) && !ModelCode().IsMatch(match.Groups["model"].Value.ToLowerInvariant()))
            {
                continue;
            }

            var (name, kind) = Known[Spaced().Replace(match.Groups["base"].Value, " ")];
            var model = ModelCode().Replace(match.Groups["model"].Value.Trim(), m => m.Value.ToUpperInvariant());
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

        // Only the sentence up to each failing verb is searched: the whole message would cost several times more.
        foreach (Match verb in FailVerb().Matches(text))
        {
            var start = Math.Max(0, text.LastIndexOfAny(['.', '!', '?', ';'], Math.Max(0, verb.Index - 1)));
            var match = Failing().Match(text, start, Math.Min(text.Length, verb.Index + 40) - start);
            if (!match.Success)
            {
                continue;
            }

            // "creative cloud keeps crashing": what fails is the thing, even when it is no name this reader knows.
            var said = match.Groups["name"];
            var words = said.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var name = string.Join(' ', words.SkipWhile(Describing.Contains));
            if (name.Length > 0)
            {
                Add(found, new ProductMention { Name = name, Kind = ProductKind.App, Text = said.Value.TrimEnd(), Start = said.Index });
            }
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

    /// <summary>A model code written in lower case ("s22", "a54", "g7"): said back as the maker writes it, "S22".</summary>
    [GeneratedRegex(@"\b[a-z]{1,2}\d+[a-z]?\b", RegexOptions.CultureInvariant)]
    private static partial Regex ModelCode();

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

    /// <summary>"the app", "your mobile app", "the Tesco app", "Tesco Clubcard app".</summary>
    [GeneratedRegex(@"(?:\b(?i:the|your|ur|my|this|that|our)\s+(?<name>(?:[\w+&'.-]+\s+){0,2}?)|\b(?!(?i:the|your|my|this|that|our)\b)(?<name>[A-Z][\w+&'.-]*(?:\s+[A-Z][\w+&'.-]*){0,2})\s+)app\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedApp();

    [GeneratedRegex(
        @"\b(?:my|the|our|this|that|a|an|his|her|their|your|ur|ordered|bought|purchased|received)\s+(?<mods>(?:(?:[a-z][\w-]*|[£$€]\d[\d.,]*)\s+){0,2})(?<head>lamp|phone|mobile|laptop|tablet|tv|television|router|modem|printer|headphones|earbuds|speaker|charger|cable|watch|camera|console|controller|sofa|couch|chair|table|desk|bed|mattress|fridge|freezer|oven|microwave|kettle|toaster|dishwasher|washing\s+machine|dryer|vacuum|hoover|blender|coffee\s+machine|heater|fan|bike|scooter|shoes|trainers|boots|jacket|coat|dress|shirt|jeans|bag|suitcase|necklace|mirror|rug|curtains|lightbulb|keyboard|mouse|monitor|smartwatch|drill|lawnmower|pram|car\s+seat|vase|mug|plate|bowl|frame|clock|shelf|shelves|cabinet|wardrobe|cartridge|ink|toner|book|toy|pan|duvet|pillow|candle|ornament|computer|pc|headset|hub|game|perfume|sunglasses|ring|earrings|bracelet|jumper|sweater|hoodie|cardigan|t-shirt|tshirt|top|blouse|trousers|skirt|shorts|leggings|socks|pyjamas|pajamas|suit|hat|scarf|gloves|sandals|slippers|towel|sheets|blanket|backpack|wallet|purse)s?\b(?!\s+(?:call|calls|number|line|support|bill|contract|plan|signal))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ThingBought();

    /// <summary>
    /// A thing said to fail, at the start of a sentence or after "my" or "the": "creative cloud keeps crashing", "My
    /// Kobo won't turn on". Not a pronoun, nor what is no product ("my account won't", "the update won't install").
    /// </summary>
    [GeneratedRegex(
        @"(?:^|[.!?;]\s+|\b(?:my|the|your|our|ur)\s+)(?<name>(?:(?!(?:it|its|it's|this|that|these|those|everything|nothing|something|anything|he|she|they|i|i'm|we|you|there|which|what|who|now|still|just|also|again|suddenly|randomly|constantly|always|never|really|completely|totally|even|and|but|so|then|since|my|the|account|password|login|log|order|parcel|package|delivery|payment|card|refund|money|code|update|download|screen|sound|audio|video|page|button|problem|issue|thing|stuff|service|connection|internet|wifi|wi-fi|broadband|signal|email|mail|door|item|product|one|app|device)\b)[A-Za-z][\w+&'-]*\s+){1,3}?)"
        + @"(?=(?:app\s+)?(?:keeps\s+(?:on\s+)?(?:crashing|freezing|closing|quitting|logging|kicking|signing|hanging|buffering|failing|stopping|lagging|disconnecting|restarting|rebooting)|(?:won'?t|wont|will\s+not|doesn'?t|does\s+not|can'?t|cannot)\s+(?:open|load|start|launch|work|install|sync|connect|play|stream|run|boot|turn\s+on|charge|update)|(?:isn'?t|is\s+not|stopped|has\s+stopped|not)\s+(?:working|loading|opening|syncing|responding|connecting)|crashes|crashed|freezes|froze|is\s+down|went\s+down)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Failing();

    /// <summary>The words of failing <see cref="Failing"/> looks for, alone: a cheap test that most messages fail first.</summary>
    [GeneratedRegex(@"\b(?:keeps|won'?t|wont|will\s+not|doesn'?t|does\s+not|can'?t|cannot|isn'?t|is\s+not|stopped|not|crash(?:es|ed)|freezes|froze|is\s+down|went\s+down)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FailVerb();

    /// <summary>Text that ends with "my", "your" or "our" and a space: what follows is something owned, so a name.</summary>
    [GeneratedRegex(@"\b(?:my|your|our)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Owned();

    [GeneratedRegex(@"\b(?:app\s+)?(?:version|ver\.?|v|build)\s?(?<ver>\d+(?:\.\d+){1,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Version();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaced();
}

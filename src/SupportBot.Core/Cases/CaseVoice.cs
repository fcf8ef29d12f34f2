using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Cases;

/// <summary>
/// Says things the bot's way, for every dialog: each line comes from the prompt catalog, addressed to the customer
/// of the case (their first name, their issue in their words, what upsets them), stable for the conversation, and
/// an empathy line or acknowledgement is never said twice in a case.
/// </summary>
public sealed partial class CaseVoice(PromptSource prompts)
{
    private const string EmpathyPrefix = "empathy.", Goodbye = "closing.thanks", LinesKey = "voice.lines";

    /// <summary>
    /// The customer's name opens at most one line in this many: a name in every line sounds scripted. An empathy line
    /// may name them sooner, unless the line just before did; the goodbye always does.
    /// </summary>
    public const int NameEvery = 3;

    /// <summary>The wording in force (it may be reloaded while the bot runs).</summary>
    public PromptCatalog Catalog => prompts.Current;

    /// <summary>The first wording of <paramref name="key"/> without the customer's name (a question as a brief lists it), or null.</summary>
    public string? Wording(string key) =>
        Catalog.Variants(key) is { Count: > 0 } variants ? variants[0].Text.Replace(", {name}", string.Empty, StringComparison.Ordinal) : null;

    /// <summary>Sends the line <paramref name="key"/>.</summary>
    public Task SayAsync(TurnContext context, string key, SupportCase supportCase, CancellationToken cancellationToken, params (string Name, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SendActivityAsync(Line(context, key, supportCase, extra, fresh: false), cancellationToken);
    }

    /// <summary>Sends a line of <paramref name="key"/> not yet said in this case (an acknowledgement, say).</summary>
    public Task SayFreshAsync(TurnContext context, string key, SupportCase supportCase, CancellationToken cancellationToken, params (string Name, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SendActivityAsync(Line(context, key, supportCase, extra, fresh: true), cancellationToken);
    }

    /// <summary>
    /// Sends wording written outside the prompt files, its variables already filled (an admin's answer): addressed
    /// as every line is, the customer's name at most once, or its stand-in dropped when the name is not known.
    /// </summary>
    public static Task SayTextAsync(TurnContext context, string text, SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(supportCase);
        return context.SendActivityAsync(Activity.CreateMessage(Address(text, supportCase, NameEvery)), cancellationToken);
    }

    /// <summary>A prompt asking <paramref name="key"/>.</summary>
    public PromptOptions Ask(TurnContext context, string key, SupportCase supportCase, params (string Name, string? Value)[] extra) =>
        new() { Prompt = Line(context, key, supportCase, extra) };

    /// <summary>A prompt asking <paramref name="key"/> in words not yet said in this case, while any are left ("anything else?" again).</summary>
    public PromptOptions AskFresh(TurnContext context, string key, SupportCase supportCase) =>
        new() { Prompt = Line(context, key, supportCase, [], fresh: true, counted: false) };

    /// <summary>The line <paramref name="key"/> as an activity, not sent (a retry prompt, say).</summary>
    public Activity Line(TurnContext context, string key, SupportCase supportCase, params (string Name, string? Value)[] extra) =>
        Line(context, key, supportCase, extra, fresh: false, counted: false);

    /// <summary>The line <paramref name="key"/> in words not yet said in this case while any are left, as an activity, not sent.</summary>
    public Activity FreshLine(TurnContext context, string key, SupportCase supportCase, params (string Name, string? Value)[] extra) =>
        Line(context, key, supportCase, extra, fresh: true);

    /// <summary>
    /// The empathy line for the customer's latest turn, chosen by how they feel and how that moved, mirroring
    /// <paramref name="issue"/> (the complaint's mirror unless given). When that feeling's lines are used up, a neighbouring
    /// one's serve: never the same empathy line twice.
    /// </summary>
    public Task EmpathizeAsync(TurnContext context, SupportCase supportCase, CancellationToken cancellationToken, string? issue = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(supportCase);
        var key = EmpathyPicker.PromptKey(supportCase.Moods[^1], supportCase.Moods[..^1]);
        var catalog = Catalog;

        // With nothing safe to say back ("fix the app now" is a request, not a problem to mirror), only lines that don't.
        var mirrorable = !string.IsNullOrWhiteSpace(issue ?? supportCase.Mirrored);
        bool Usable(PromptVariant v) => !supportCase.UsedPromptIds.Contains(v.Id) && (mirrorable || !v.Text.Contains("{issue}", StringComparison.Ordinal));
        key = EmpathyPicker.Fallbacks(key).FirstOrDefault(k => catalog.Variants(k).Any(Usable)) ?? key;
        var avoid = mirrorable ? null : catalog.Variants(key).Where(v => !Usable(v)).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var line = issue is null
            ? Line(context, key, supportCase, [], fresh: true, avoid: avoid)
            : Line(context, key, supportCase, [("issue", issue)], fresh: true, avoid: avoid);
        return context.SendActivityAsync(line, cancellationToken);
    }

    /// <summary>
    /// After an answer, a new empathy line (mirroring <paramref name="issue"/>) only when the feeling moved: when it
    /// rose to upset or furious, or an acknowledgement when the customer calmed down.
    /// </summary>
    public Task EmpathizeIfMovedAsync(TurnContext context, SupportCase supportCase, string issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var moods = supportCase.Moods;
        if (moods.Count < 2)
        {
            return Task.CompletedTask;
        }

        // A rise within mild feeling ("it's an HP Envy" after a calm complaint) is no reason for a new apology; calming
        // shows in warmth ("ok thanks"), not in a grumble that merely lacks bad words ("why would I").
        return EmpathyPicker.Rose(moods[^2], moods[^1]) || EmpathyPicker.Calmed(moods[^2], moods[^1])
            ? EmpathizeAsync(context, supportCase, cancellationToken, issue)
            : Task.CompletedTask;
    }

    // counted: false for a line that may never be sent (a retry prompt); it names the customer by the same rule but
    // does not count as a line said. avoid: variants not to use besides those already said.
    private Activity Line(TurnContext context, string key, SupportCase supportCase, (string Name, string? Value)[] extra, bool fresh, bool counted = true, IReadOnlySet<string>? avoid = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(supportCase);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase.FirstName,
            ["issue"] = supportCase.Mirrored,
            ["target"] = supportCase.Target ?? "this",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        var rendered = Catalog.Render(key, values, seed: context.Activity.Conversation?.Id, avoid: avoid is null ? supportCase.UsedPromptIds : [.. supportCase.UsedPromptIds, .. avoid]);
        if (fresh || key.StartsWith(EmpathyPrefix, StringComparison.Ordinal))
        {
            supportCase.UsedPromptIds.Add(rendered.Id);
        }

        var since = supportCase.LinesSinceNamed;
        var text = Address(rendered.Text, supportCase, key == Goodbye ? 0 : key.StartsWith(EmpathyPrefix, StringComparison.Ordinal) ? 1 : NameEvery);
        if (!counted)
        {
            supportCase.LinesSinceNamed = since;
        }

        Rendered(context).Add(new VoiceLine(key, rendered.Id, text));
        return Activity.CreateMessage(text);
    }

    /// <summary>
    /// The lines rendered this turn, in order, sent or not (a retry prompt may never be): which prompt variant a reply
    /// is, for the facts the turn records.
    /// </summary>
    public static IReadOnlyList<VoiceLine> LinesRendered(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.TurnState.TryGetValue(LinesKey, out var lines) ? (List<VoiceLine>)lines : [];
    }

    private static List<VoiceLine> Rendered(TurnContext context)
    {
        if (!context.TurnState.TryGetValue(LinesKey, out var lines))
        {
            lines = new List<VoiceLine>();
            context.TurnState[LinesKey] = lines;
        }

        return (List<VoiceLine>)lines;
    }

    /// <summary>
    /// The line as the customer reads it: their name at most once, and only when at least <paramref name="after"/> lines
    /// went by since one named them; otherwise it goes with its commas.
    /// </summary>
    private static string Address(string text, SupportCase supportCase, int after)
    {
        if (supportCase.FirstName is not { Length: > 0 } name)
        {
            return Unnamed(text);
        }

        text = NamedOnce(text, name);
        if (NextName(text, name, 0) < 0)
        {
            supportCase.LinesSinceNamed++;
            return text;
        }

        if (supportCase.LinesSinceNamed >= after)
        {
            supportCase.LinesSinceNamed = 0;
            return text;
        }

        var without = WithoutName(text, name);
        supportCase.LinesSinceNamed = NextName(without, name, 0) < 0 ? supportCase.LinesSinceNamed + 1 : 0;
        return without;
    }

    /// <summary>
    /// <paramref name="text"/> with <paramref name="name"/> gone with its commas ("Thanks, Dana, that's clear" reads
    /// "Thanks, that's clear"; "Dana, is there…" reads "Is there…"); where no comma lets it go gracefully ("Hi Dana"), it stays.
    /// </summary>
    public static string WithoutName(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(name);

        // The name as a sentinel in front, so NamedOnce drops the line's own with its commas.
        var without = NamedOnce(string.Concat(name, " ", text), name)[(name.Length + 1)..];
        return without.Length > 0 && char.IsLower(without[0]) ? string.Concat(char.ToUpperInvariant(without[0]).ToString(), without.AsSpan(1)) : without;
    }

    /// <summary>
    /// A line for a customer whose name is not known: the name's stand-in ("there") stays only in a greeting
    /// ("Hi there"); elsewhere it goes with its comma ("there, your parcel…" reads "Your parcel…").
    /// </summary>
    public static string Unnamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains(PromptCatalog.NameFallback, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var result = FallbackFirst().Replace(text, m => m.Groups[1].Value.ToUpperInvariant());
        result = FallbackAfterComma().Replace(result, string.Empty);
        return FallbackOpensSentence().Replace(result, m => m.Groups[1].Value.ToUpperInvariant());
    }

    /// <summary>
    /// The customer's name at most once in a message: a line that joins wording from two places ("That's sorted,
    /// Tom: … on its way, Tom.") keeps the first and drops the rest with their commas.
    /// </summary>
    public static string NamedOnce(string text, string? name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(name))
        {
            return text;
        }

        var first = NextName(text, name, 0);
        if (first < 0 || NextName(text, name, first + name.Length) < 0)
        {
            return text;
        }

        // After the first, ", Tom" goes with its comma, and "Tom, " opening a clause with the comma after it.
        var cut = first + name.Length;
        var rest = new StringBuilder(text.Length - cut);
        var from = cut;
        for (var at = NextName(text, name, cut); at >= 0; at = NextName(text, name, at + name.Length))
        {
            var before = at;
            while (before > from && char.IsWhiteSpace(text[before - 1]))
            {
                before--;
            }

            var end = at + name.Length;
            if (before > from && text[before - 1] == ',')
            {
                rest.Append(text, from, before - 1 - from);
                from = end;
            }
            else if (end < text.Length && text[end] == ',' && (before == from || text[before - 1] is '.' or '!' or '?' or ':' or ';'))
            {
                for (end++; end < text.Length && char.IsWhiteSpace(text[end]); end++)
                {
                }

                rest.Append(text, from, at - from);
                from = end;
            }
        }

        rest.Append(text, from, text.Length - from);

        // A sentence that now starts where a name was starts with a capital.
        for (var i = 2; i < rest.Length; i++)
        {
            if (char.IsLower(rest[i]) && char.IsWhiteSpace(rest[i - 1]) && rest[i - 2] is '.' or '!' or '?')
            {
                rest[i] = char.ToUpperInvariant(rest[i]);
            }
        }

        return string.Concat(text.AsSpan(0, cut), rest.ToString());
    }

    /// <summary>Where <paramref name="name"/> next stands as a word of its own in <paramref name="text"/>, from <paramref name="start"/>; -1 when nowhere.</summary>
    private static int NextName(string text, string name, int start)
    {
        for (var at = text.IndexOf(name, start, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (IsWordChar(name[0]) != (at > 0 && IsWordChar(text[at - 1])) && IsWordChar(name[^1]) != (end < text.Length && IsWordChar(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A character of a word, as a regular expression's <c>\b</c> sees it.</summary>
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '\u200C' or '\u200D'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

    [GeneratedRegex(@"^" + PromptCatalog.NameFallback + @",\s*(\p{L})")]
    private static partial Regex FallbackFirst();

    [GeneratedRegex(@"(?<!\b(hi|hello|hey|thanks|thank you))\s*,\s*" + PromptCatalog.NameFallback + @"\b(?=[,;:.!?])", RegexOptions.IgnoreCase)]
    private static partial Regex FallbackAfterComma();

    [GeneratedRegex(@"(?<=[.!?]\s)" + PromptCatalog.NameFallback + @",\s*(\p{L})")]
    private static partial Regex FallbackOpensSentence();
}

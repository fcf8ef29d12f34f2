using System.Text.RegularExpressions;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Support;

/// <summary>
/// A customer putting the bot's filing right while it asks its questions: "I can sign in fine?? It's the refund that's
/// the problem, not the login", "not the app, it's my bill". The case moves to the category the words name, the answers
/// only the old category asked for are dropped, and the customer hears what changed; the new category's questions follow.
/// </summary>
public static partial class CategoryCorrection
{
    /// <summary>Questions every category may share: their answers stay when the case moves.</summary>
    private static readonly string[] Shared = ["order_number", "amount", "when", "tried"];

    /// <summary>
    /// The category <paramref name="text"/> puts the case under instead of <paramref name="current"/>, with the thing
    /// it names ("the refund") and the one it rules out ("the login"); null when it corrects no filing.
    /// </summary>
    public static (string Category, string What, string? Not)? Read(string? text, SupportCatalog catalog, string? current)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(text) || current is null)
        {
            return null;
        }

        foreach (var match in new[] { ItIsNot().Match(text), NotItIs().Match(text) })
        {
            if (!match.Success)
            {
                continue;
            }

            var what = match.Groups["what"].Value.Trim();
            var not = match.Groups["not"].Value.Trim();
            if (CategoryClassifier.Classify(what, catalog) is { } category && category != current
                && (not.Length == 0 || CategoryClassifier.Classify(not, catalog) is null || CategoryClassifier.Classify(not, catalog) == current))
            {
                return (category, what, not.Length > 0 ? not : null);
            }
        }

        return null;
    }

    /// <summary>
    /// Moves <paramref name="supportCase"/> when <paramref name="text"/> corrects its filing, and says so; false when it
    /// does not.
    /// </summary>
    public static async Task<bool> TryAsync(SupportServices services, Bot.TurnContext context, SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        if (Read(text, services.Catalog, supportCase.Category) is not { } moved)
        {
            return false;
        }

        services.SetCategory(supportCase, moved.Category);
        var asks = services.Catalog.Category(moved.Category).Questions;
        supportCase.Answers.RemoveAll(a => !Shared.Contains(a.QuestionId) && !asks.Contains(a.QuestionId));
        await services.Voice.SayAsync(context, moved.Not is null ? SupportPrompts.CategoryCorrected : SupportPrompts.CategoryCorrectedNot, supportCase, cancellationToken,
            ("what", Yours(moved.What)), ("not", moved.Not is { } not ? Yours(not) : null)).ConfigureAwait(false);
        return true;
    }

    /// <summary>"my refund" said back as "your refund".</summary>
    private static string Yours(string words) => My().Replace(words, m => char.IsUpper(m.Value[0]) ? "Your" : "your");

    [GeneratedRegex(@"\bmy\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex My();

    /// <summary>"It's the refund that's the problem, not the login", "this is about my bill, not the app".</summary>
    [GeneratedRegex(@"\b(?:it'?s|its|it\s+is|this\s+is|that'?s|the\s+(?:problem|issue)\s+is|my\s+(?:problem|issue)\s+is|i'?m\s+(?:asking|talking|writing)\s+about)\s+(?:about\s+|with\s+)?(?<what>(?:the|my|a|an)\s+[\w'-]+(?:\s+[\w'-]+){0,3}?)(?:\s+that'?s\s+the\s+(?:problem|issue))?\s*[,;-]?\s*(?:and\s+)?not\s+(?:about\s+|with\s+)?(?<not>(?:the|my|a|an)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?|[\w'-]+(?:\s+[\w'-]+){0,2}?)\s*(?:[.!?,;]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ItIsNot();

    /// <summary>"Not the app, it's my bill", "it's not the login, it's the refund".</summary>
    [GeneratedRegex(@"(?:^|[.!?,;]\s*|\b(?:it'?s|its|it\s+is|this\s+is)\s+)not\s+(?:about\s+|with\s+)?(?<not>(?:the|my|a|an)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)\s*[,;-]\s*(?:it'?s|its|it\s+is|but|this\s+is)\s+(?:about\s+|with\s+)?(?<what>(?:the|my|a|an)\s+[\w'-]+(?:\s+[\w'-]+){0,3}?)(?:\s+that'?s\s+the\s+(?:problem|issue))?\s*(?:[.!?,;]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NotItIs();
}

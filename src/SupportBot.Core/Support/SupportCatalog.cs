namespace SupportBot.Core.Support;

/// <summary>A kind of problem: its button title, the words that point to it, what to ask, which remedies fit.</summary>
public sealed record Category(string Id, string Title, IReadOnlyList<string> Keywords, IReadOnlyList<string> Questions, IReadOnlyList<string> Remedies);

/// <summary>When the bot may grant a remedy itself; any rule that fails means a colleague approves it.</summary>
public sealed record ApprovalRules(decimal? AutoUpTo, int? MaxPriorRemedies, IReadOnlyList<string>? Tiers, bool Always);

/// <summary>A remedy the bot can offer: what the customer gets, what happens next, and its approval rules.</summary>
public sealed record Remedy(string Id, string Title, string NextSteps, ApprovalRules Approval);

/// <summary>The categories and remedies read from <c>dialogs/catalog/</c>.</summary>
public sealed record SupportCatalog(IReadOnlyList<Category> Categories, IReadOnlyDictionary<string, Remedy> Remedies)
{
    /// <summary>The clarifying questions the bot knows how to ask and to recognize in an answer.</summary>
    public static IReadOnlyList<string> KnownQuestions { get; } = ["order_number", "when", "tried", "amount", "product", "account"];

    /// <summary>The category a customer picks when none fits.</summary>
    public const string Other = "other";

    public Category Category(string id) => Categories.FirstOrDefault(c => c.Id == id) ?? Categories.First(c => c.Id == Other);
}

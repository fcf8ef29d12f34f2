namespace SupportBot.Core.Support;

/// <summary>The categories and remedies read from <c>dialogs/catalog/</c>.</summary>
public sealed record SupportCatalog(IReadOnlyList<Category> Categories, IReadOnlyDictionary<string, Remedy> Remedies)
{
    /// <summary>The clarifying questions the bot knows how to ask and to recognize in an answer.</summary>
    public static IReadOnlyList<string> KnownQuestions { get; } = ["order_number", "when", "tried", "amount", "product", "account", "device", "symptom", "signin", "purchase"];

    /// <summary>
    /// The questions worth one more, narrower try when the customer says they already answered and the bot cannot
    /// find it; the others are let go rather than asked twice.
    /// </summary>
    public static IReadOnlySet<string> EssentialQuestions { get; } = new HashSet<string>(StringComparer.Ordinal) { "product", "device", "account", "amount" };

    /// <summary>The questions any words can answer.</summary>
    public static IReadOnlySet<string> FreeTextQuestions { get; } = new HashSet<string>(StringComparer.Ordinal) { "tried", "symptom", "signin", "purchase" };

    /// <summary>
    /// The free-text questions a bare "no" or "nothing" answers ("have you tried anything?" "no"). To "is it an order,
    /// a subscription or a booking?", as to any other question, it says there is none.
    /// </summary>
    public static IReadOnlySet<string> AnsweredByNo { get; } = new HashSet<string>(StringComparer.Ordinal) { "tried", "symptom", "signin" };

    /// <summary>The category a customer picks when none fits.</summary>
    public const string Other = "other";

    /// <summary>The category of plain questions: answered or passed on, never taken through a complaint.</summary>
    public const string Question = "question";

    public Category Category(string id) => Categories.FirstOrDefault(c => c.Id == id) ?? Categories.First(c => c.Id == Other);
}

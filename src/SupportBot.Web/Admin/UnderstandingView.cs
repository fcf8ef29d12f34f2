namespace SupportBot.Web.Admin;

/// <summary>The catalog's categories as the reader learns them, with the texts an edit is based on.</summary>
/// <param name="Draft">Whether these are the draft's files.</param>
/// <param name="ExamplesText"><c>catalog/examples.yaml</c> as on disk.</param>
/// <param name="CategoriesText"><c>catalog/categories.yaml</c> as on disk.</param>
/// <param name="Accuracy">The cross-validated accuracy.</param>
/// <param name="Categories">Each category.</param>
public sealed record UnderstandingView(bool Draft, string ExamplesText, string CategoriesText, AccuracyView Accuracy, IReadOnlyList<CategoryView> Categories);

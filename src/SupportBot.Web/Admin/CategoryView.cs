namespace SupportBot.Web.Admin;

/// <summary>One category as the studio shows it: its keywords, questions, remedies and the examples the reader learns from.</summary>
/// <param name="Id">The category id.</param>
/// <param name="Title">Its button title.</param>
/// <param name="Keywords">Words that point to it.</param>
/// <param name="Questions">Its clarifying questions, in order.</param>
/// <param name="Remedies">Its remedies, best first.</param>
/// <param name="Examples">Its example messages in <c>examples.yaml</c>.</param>
/// <param name="Learned">How many examples of it the reader learns from, with the included files'.</param>
/// <param name="Accuracy">Its cross-validated accuracy, when computed.</param>
public sealed record CategoryView(string Id, string Title, IReadOnlyList<string> Keywords, IReadOnlyList<QuestionView> Questions, IReadOnlyList<CategoryOption> Remedies, IReadOnlyList<string> Examples, int Learned, CategoryAccuracy? Accuracy);

namespace SupportBot.Core.Understanding;

/// <summary>An admin's answer to a common question, from <c>dialogs/catalog/answers.yaml</c>.</summary>
/// <param name="Id">The answer's id, e.g. <c>opening_hours</c>.</param>
/// <param name="Text">What the bot says; it may use <c>{name}</c> and <c>{hours}</c> (<see cref="AnswerFileLoader.Variables"/>).</param>
/// <param name="Examples">Questions customers ask that this answers, in their words; the reader learns from them.</param>
/// <param name="Categories">The complaint categories in which a question still gets this answer (a plain question can get any).</param>
public sealed record Answer(string Id, string Text, IReadOnlyList<string> Examples, IReadOnlyList<string> Categories);

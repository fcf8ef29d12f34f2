namespace SupportBot.Web.Admin;

/// <summary>The reader's cross-validated accuracy over a catalog's examples, overall and per category.</summary>
/// <param name="Version">The catalog's files it was computed from (a hash of their texts).</param>
/// <param name="At">When it was computed.</param>
/// <param name="Examples">How many labelled examples were read.</param>
/// <param name="Folds">How many folds (each read by a reader trained without it).</param>
/// <param name="Overall">The share of examples filed under their own category.</param>
/// <param name="Seconds">How long it took.</param>
/// <param name="Categories">Per category.</param>
public sealed record AccuracyReport(string Version, DateTimeOffset At, int Examples, int Folds, double Overall, double Seconds, IReadOnlyList<CategoryAccuracy> Categories);

namespace SupportBot.Web.Admin;

/// <summary>What a sample customer can be: the categories and bands, and a few labelled messages for each pair.</summary>
public sealed record SampleSet(IReadOnlyList<CategoryOption> Categories, IReadOnlyList<string> Bands, IReadOnlyList<SampleMessage> Messages);

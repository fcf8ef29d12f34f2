using System.Text.RegularExpressions;

namespace SupportBot.Core.Tests.Architecture;

/// <summary>
/// Dependencies between Core's areas run one way: the support conversation uses handing over and carrying remedies
/// out, which use the case, which uses state; never back. The dashboard's facts read the case, never the conversation
/// that fills it. Read from the source, so a stray <c>using</c> or a fully qualified name fails here.
/// </summary>
public sealed partial class LayeringTests
{
    public static TheoryData<string, string> Forbidden() => new()
    {
        { "State", "Cases" },
        { "State", "Handoff" },
        { "State", "Support" },
        { "Transcripts", "Handoff" },
        { "Transcripts", "Support" },
        { "Cases", "Handoff" },
        { "Cases", "Support" },
        { "Understanding", "Handoff" },
        { "Understanding", "Support" },
        { "Handoff", "Support" },
        { "Handoff", "Fulfilment" },
        { "Fulfilment", "Support" },
        { "State", "Fulfilment" },
        { "Cases", "Fulfilment" },
        { "Transcripts", "Fulfilment" },
        { "Insight", "Support" },
        { "Insight", "Handoff" },
        { "Insight", "Fulfilment" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void CoreArea_DoesNotDependOn_AreaAboveIt(string area, string above)
    {
        var folder = Path.Combine(TestBots.RepositoryRoot, "src", "SupportBot.Core", area);
        Assert.True(Directory.Exists(folder), $"{folder} is missing");

        var offending = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Line: i + 1, Text: line)))
            .Where(l => Reference().Matches(l.Text).Any(m => m.Groups[1].Value == above))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, $"{area} must not use {above}:\n{string.Join('\n', offending)}");
    }

    [GeneratedRegex(@"\bSupportBot\.Core\.([A-Za-z]+)\b")]
    private static partial Regex Reference();
}

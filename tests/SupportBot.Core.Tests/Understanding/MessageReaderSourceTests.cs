using SupportBot.Core.PromptFiles;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class MessageReaderSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-reader-" + Guid.NewGuid().ToString("N"));

    public MessageReaderSourceTests()
    {
        var source = Path.Combine(TestBots.DialogsDirectory, "catalog");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reload_BadExamples_KeepsTheLastGoodReaderAndReportsFileAndLine()
    {
        var source = MessageReaderSource.Load(_folder, NoKeywords);
        var before = source.Current;
        File.AppendAllText(Path.Combine(_folder, ExampleFileLoader.FileName), "  refunds:\n    - \"money back please\"\n");

        var errors = source.Reload();

        Assert.Contains(errors, e => e.File == "dialogs/catalog/examples.yaml" && e.Line > 1 && e.Message.StartsWith("Unknown kind 'refunds'", StringComparison.Ordinal));
        Assert.Same(before, source.Current);
        Assert.Equal(errors, source.LastErrors);
        Assert.Equal("damaged", source.Read("the vase inside was shattered").Category);
    }

    [Fact]
    public void Reload_ValidEdit_SwapsInANewReader()
    {
        var source = MessageReaderSource.Load(_folder, NoKeywords);
        var before = source.Current;
        File.AppendAllText(Path.Combine(_folder, ExampleFileLoader.FileName), "    - \"is the shop open on easter monday\"\n");

        var errors = source.Reload();

        Assert.Empty(errors);
        Assert.NotSame(before, source.Current);
        Assert.Equal(before.ExampleCount + 1, source.Current.ExampleCount);
    }

    [Fact]
    public void Load_BrokenExamples_ThrowsWithEveryError()
    {
        File.WriteAllText(Path.Combine(_folder, ExampleFileLoader.FileName), "categories:\n  delivery: [\"late\", \"\"]\n");

        var ex = Assert.Throws<PromptFilesInvalidException>(() => MessageReaderSource.Load(_folder, NoKeywords));

        Assert.Contains("dialogs/catalog/examples.yaml:2", ex.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> NoKeywords() => new Dictionary<string, IReadOnlyList<string>>();
}

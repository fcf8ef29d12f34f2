using SupportBot.Core.Support;
using SupportBot.Web.Cli;
using SupportBot.Web.Hosting;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Cli;

/// <summary><c>supportbot prompts check</c> as an admin's CI runs it: exit code, stdout and stderr.</summary>
public sealed class PromptsCommandTests
{
    [Fact]
    public void PromptsCheck_RepositoryDialogs_PrintsOkAndReturnsZero()
    {
        var (exit, output, error) = Run("check");

        Assert.True(exit == 0, $"exit {exit}; stderr:\n{error}");
        Assert.Matches(@"^OK: \d+ prompts, \d+ variants in dialogs/; \d+ categories, \d+ remedies, \d+ answers in dialogs/catalog/\n$", output.ReplaceLineEndings("\n"));
        Assert.Empty(error);
    }

    [Fact]
    public void PromptsCheck_BrokenCopy_PrintsFileAndLineAndReturnsOne()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var at = prompts.ReplacePrompt(SupportPrompts.Welcome, "Sorry about that. Hello!");

        var (exit, output, error) = Run("check", "--dir", prompts.Path);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        var lines = error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{at}: 'test-greeting-welcome-1' apologizes without saying what for (\"Sorry about that.\")", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{at}: 'test-greeting-welcome-1' greets without the customer's name", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2 errors in dialogs/.", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void PromptsCheck_LinesClaimingAnActionDoneBeforeItIsConfirmed_EachReportedWithFileAndLine()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var at = prompts.ReplacePrompt(SupportPrompts.RemedyGranted, "Done, {name}: {next_steps}");
        var remedies = Path.Combine(prompts.Path, "catalog", "remedies.yaml");
        var lines = File.ReadAllLines(remedies);
        var asked = Array.FindIndex(lines, l => l.TrimStart().StartsWith("asked: \"I've asked our refunds team", StringComparison.Ordinal));
        lines[asked] = "  asked: \"Your refund of {amount} is on its way, {name}.\"";
        File.WriteAllLines(remedies, lines);

        var (exit, _, error) = Run("check", "--dir", prompts.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"{at}: 'test-remedies-granted-1' claims an action is done (\"Done\")", error, StringComparison.Ordinal);
        Assert.Contains($"dialogs/catalog/remedies.yaml:{asked + 1}: The asked of 'refund' claims it is done (\"is on its way\")", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptsCheck_RemedyWithoutFulfil_ReportedWithFileAndLine()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var remedies = Path.Combine(prompts.Path, "catalog", "remedies.yaml");
        var lines = File.ReadAllLines(remedies).ToList();
        var credit = lines.FindIndex(l => l == "credit:");
        lines.RemoveAt(lines.FindIndex(credit, l => l.TrimStart().StartsWith("fulfil:", StringComparison.Ordinal)));
        File.WriteAllLines(remedies, lines);

        var (exit, _, error) = Run("check", "--dir", prompts.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"dialogs/catalog/remedies.yaml:{credit + 1}: The remedy 'credit' does not say how it is carried out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptsCheck_BrokenYaml_ReportsTheFileAndReturnsOne()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        File.WriteAllText(Path.Combine(prompts.Path, "zz-broken.yaml"), "closing.extra:\n  - id: x\n    text: \"unclosed\n");

        var (exit, _, error) = Run("check", "--dir", prompts.Path);

        Assert.Equal(1, exit);
        Assert.Matches(@"dialogs/zz-broken\.yaml:[1-9]\d*: The file is not valid YAML", error);
    }

    [Fact]
    public void PromptsList_RepositoryDialogs_ListsKeysWithVariantIds()
    {
        var (exit, output, _) = Run("list");

        Assert.Equal(0, exit);
        Assert.Contains(output.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith($"{SupportPrompts.Welcome}: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData]
    [InlineData("lint")]
    [InlineData("check", "--dir")]
    public void PromptsCommand_BadArguments_PrintsUsageAndReturnsTwo(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: supportbot prompts check [--dir DIR]", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PromptsCommand.Run(AppRoot.Find(), args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

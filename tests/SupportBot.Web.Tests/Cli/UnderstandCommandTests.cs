using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Web.Cli;
using SupportBot.Web.Hosting;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Cli;

/// <summary><c>supportbot understand</c> as a scorer runs it: one line per row, and the figures per field.</summary>
public sealed class UnderstandCommandTests
{
    [Fact]
    public void UnderstandTsv_SmallFile_PrintsOneLinePerRowInOrder()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "messages.tsv");
        File.WriteAllText(file, "id\ttext\n1\tthe vase inside was shattered\n2\tI want to talk to a person right now\n3\twhat time do you open on sundays\n4\tthanks!\n");

        var (exit, output, error) = Run("--tsv", file);

        Assert.True(exit == 0, error);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^[a-z_]+\t(complaint|question|request|greeting|thanks|unclear)\t(yes|no)\t(calm|mild|upset|furious|positive)$", l));
        Assert.StartsWith("damaged\tcomplaint\tno\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("\tyes\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("question\tquestion\tno\t", lines[2], StringComparison.Ordinal);
        Assert.Contains("\tthanks\tno\t", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void UnderstandScore_LabeledFile_PrintsAccuracyMacroF1AndConfusionPerField()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "labeled.tsv");
        File.WriteAllText(file, "id\ttext\tcategory\tkind\twants_human\tfeeling\n"
            + "1\tmy parcel never came, tracking stuck for a week\tdelivery\tcomplaint\tno\tmild\n"
            + "2\tthe mug arrived in pieces\tdamaged\tcomplaint\tno\tmild\n"
            + "3\tcan you call me please, the app is useless\ttechnical\trequest\tyes\tupset\n"
            + "4\tdo you open on bank holidays\tquestion\tquestion\t\tcalm\n");

        var (exit, output, error) = Run("--score", file);

        Assert.True(exit == 0, error);
        Assert.Contains("None of its rows is among the training examples", output, StringComparison.Ordinal);
        foreach (var field in new[] { "category", "kind", "wants_human", "feeling" })
        {
            Assert.Matches($@"(?m)^{field}: \d+ rows  accuracy [01]\.\d{{3}}  macro-F1 [01]\.\d{{3}}", output);
        }

        Assert.Matches(@"(?m)^wants_human: 3 rows", output);
        Assert.Matches(@"(?m)^  gold\\predicted", output);
    }

    [Fact]
    public void UnderstandScore_TrainingRows_AreCrossValidatedAndSaySo()
    {
        var file = Path.Combine(AppRoot.Find(), "dialogs", "catalog", "training", "customer-care.tsv");

        var (exit, output, error) = Run("--score", file);

        Assert.True(exit == 0, error);
        Assert.Contains("scored by 10-fold cross-validation (stratified by category, seed 17)", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^category: 366 rows  accuracy 0\.[6-9]\d\d", output);
        var filed = Regex.Match(output, @"(?m)^category as the bot files it .*: 366 rows  right (0\.\d{3})  asked (0\.\d{3})  wrong (0\.\d{3})$");
        Assert.True(filed.Success, output);
        Assert.Equal(1.0, filed.Groups.Values.Skip(1).Sum(g => double.Parse(g.Value, CultureInfo.InvariantCulture)), 2);
    }

    [Fact]
    public void UnderstandScore_AnotherSeed_DealsOtherFoldsAndSaysWhich()
    {
        var file = Path.Combine(AppRoot.Find(), "dialogs", "catalog", "training", "customer-care.tsv");

        var (exit, output, error) = Run("--score", file, "--seed", "3");
        var (badExit, _, badError) = Run("--score", file, "--seed", "three");

        Assert.True(exit == 0, error);
        Assert.Contains("scored by 10-fold cross-validation (stratified by category, seed 3)", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^category: 366 rows  accuracy 0\.[6-9]\d\d", output);
        Assert.Equal(2, badExit);
        Assert.Contains("--seed N", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderstandTsv_MissingFile_ReturnsOne()
    {
        var (exit, output, error) = Run("--tsv", "no-such-file.tsv");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("no file at", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = UnderstandCommand.Run(AppRoot.Find(), args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

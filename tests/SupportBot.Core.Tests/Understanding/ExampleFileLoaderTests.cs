using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class ExampleFileLoaderTests : IDisposable
{
    private static readonly string[] Categories = ["delivery", "billing", "other"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-examples-" + Guid.NewGuid().ToString("N"));

    public ExampleFileLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ValidFile_ReturnsEveryExampleWithItsLabel()
    {
        Write("categories:\n  delivery:\n    - \"where is my parcel\"\n  billing:\n    - \"charged twice\"\n  other:\n    - \"hello?\"\nkinds:\n  question:\n    - \"do you ship to canada\"\n");

        var (examples, errors) = ExampleFileLoader.Load(_folder, Categories);

        Assert.Empty(errors);
        Assert.NotNull(examples);
        Assert.Equal(4, examples.Examples.Count);
        Assert.Contains(examples.Examples, e => e.Text == "charged twice" && e.Category == "billing" && e.Line == 5);
        Assert.Contains(examples.Examples, e => e.Text == "do you ship to canada" && e.Kind == "question" && e.Category is null);
    }

    [Fact]
    public void Load_UnknownCategory_ReportsFileAndLine()
    {
        Write("categories:\n  delivery:\n    - \"where is my parcel\"\n  billing:\n    - \"charged twice\"\n  other:\n    - \"hello?\"\n  delivry:\n    - \"late\"\n");

        var (examples, errors) = ExampleFileLoader.Load(_folder, Categories);

        Assert.Null(examples);
        var error = Assert.Single(errors);
        Assert.StartsWith("dialogs/catalog/examples.yaml:8: Unknown category 'delivry'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyExample_ReportsFileAndLine()
    {
        Write("categories:\n  delivery:\n    - \"where is my parcel\"\n    - \"\"\n  billing:\n    - \"charged twice\"\n  other:\n    - \"hello?\"\n");

        var (_, errors) = ExampleFileLoader.Load(_folder, Categories);

        var error = Assert.Single(errors);
        Assert.StartsWith("dialogs/catalog/examples.yaml:4: An example of category 'delivery' is empty", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateExample_ReportsBothLines()
    {
        Write("categories:\n  delivery:\n    - \"Where is my parcel?\"\n  billing:\n    - \"charged twice\"\n    - \"where is my PARCEL\"\n  other:\n    - \"hello?\"\n");

        var (_, errors) = ExampleFileLoader.Load(_folder, Categories);

        var error = Assert.Single(errors);
        Assert.Equal("dialogs/catalog/examples.yaml:6: The example \"where is my PARCEL\" repeats the one on line 3.", error.ToString());
    }

    [Fact]
    public void Load_CategoryWithoutExamples_IsAnError()
    {
        Write("categories:\n  delivery:\n    - \"where is my parcel\"\n  other:\n    - \"hello?\"\n");

        var (_, errors) = ExampleFileLoader.Load(_folder, Categories);

        Assert.Contains(errors, e => e.Message.StartsWith("The category 'billing' has no examples", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_IncludedFileWithUnknownCategory_ReportsItsFileAndLine()
    {
        Write("include: [training/more.tsv, training/missing.tsv]\ncategories:\n  delivery:\n    - \"where is my parcel\"\n  billing:\n    - \"charged twice\"\n  other:\n    - \"hello?\"\n");
        Directory.CreateDirectory(Path.Combine(_folder, "training"));
        File.WriteAllText(Path.Combine(_folder, "training", "more.tsv"), "id\ttext\tcategory\tkind\n1\tmy bill is wrong\tbilling\tcomplaint\n2\tthe app crashes\ttechnical\tcomplaint\n");

        var (_, errors) = ExampleFileLoader.Load(_folder, Categories);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.ToString().StartsWith("dialogs/catalog/training/more.tsv:3: Unknown category 'technical'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ToString() == "dialogs/catalog/examples.yaml:1: The included file 'training/missing.tsv' is not in the catalog folder.");
    }

    [Fact]
    public void Load_IncludedFileWithFeelings_KeepsThemAndReportsAnUnknownOne()
    {
        Write("include: [training/feelings.tsv]\ncategories:\n  delivery:\n    - \"where is my parcel\"\n  billing:\n    - \"charged twice\"\n  other:\n    - \"hello?\"\n");
        Directory.CreateDirectory(Path.Combine(_folder, "training"));
        File.WriteAllText(Path.Combine(_folder, "training", "feelings.tsv"), "text\tcategory\tkind\tfeeling\nmy parcel is late\t\t\tmild\nWHERE IS MY REFUND\tbilling\t\tfurious\nthe app crashes\t\t\tgrumpy\n");

        var (_, errors) = ExampleFileLoader.Load(_folder, Categories);
        File.WriteAllText(Path.Combine(_folder, "training", "feelings.tsv"), "text\tcategory\tkind\tfeeling\nmy parcel is late\t\t\tmild\nWHERE IS MY REFUND\tbilling\t\tfurious\n");
        var (examples, _) = ExampleFileLoader.Load(_folder, Categories);

        Assert.Equal("dialogs/catalog/training/feelings.tsv:4: Unknown feeling 'grumpy' (known: calm, mild, upset, furious, positive).", Assert.Single(errors).ToString());
        Assert.NotNull(examples);
        Assert.Contains(examples.Examples, e => e.Text == "my parcel is late" && e.Feeling == "mild" && e.Category is null);
        Assert.Contains(examples.Examples, e => e.Text == "WHERE IS MY REFUND" && e.Feeling == "furious" && e.Category == "billing");
    }

    [Fact]
    public void Load_RepositoryExamples_CoverTheNineShippedCategories()
    {
        var (examples, errors) = ExampleFileLoader.Load(Path.Combine(TestBots.DialogsDirectory, "catalog"), ExampleFileLoader.StandardCategories);

        Assert.Empty(errors);
        Assert.NotNull(examples);
        Assert.All(ExampleFileLoader.StandardCategories, c => Assert.True(examples.Examples.Count(e => e.Category == c) >= 10, $"{c} has fewer than 10 examples"));
    }

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_folder, ExampleFileLoader.FileName), yaml);
}

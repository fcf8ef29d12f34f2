using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class AnswerFileLoaderTests : IDisposable
{
    private static readonly string[] Categories = ["delivery", "cancel_return", "question", "other"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-answers-" + Guid.NewGuid().ToString("N"));

    public AnswerFileLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Hours = """
        opening_hours:
          text: "Colleagues answer here {hours}, {name}."
          examples:
            - "what are your opening hours?"
            - "are you open on saturdays?"
            - "when is customer service available"
        """;

    [Fact]
    public void Load_ValidFile_ReturnsEveryAnswerWithItsExamplesAndCategories()
    {
        Write(Hours + "\n" + """
            return_item:
              text: "Your order confirmation email says how to send it back."
              categories: [cancel_return]
              examples: ["how do I return an item?", "can I send back something I ordered", "what's your returns process"]
            """);

        var (answers, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Empty(errors);
        Assert.NotNull(answers);
        Assert.Equal(["opening_hours", "return_item"], answers.Select(a => a.Id));
        Assert.Equal("Colleagues answer here {hours}, {name}.", answers[0].Text);
        Assert.Equal(3, answers[0].Examples.Count);
        Assert.Empty(answers[0].Categories);
        Assert.Equal(["cancel_return"], answers[1].Categories);
    }

    [Fact]
    public void Load_MissingFile_MeansNoAnswers()
    {
        var (answers, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Empty(errors);
        Assert.NotNull(answers);
        Assert.Empty(answers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# no answers yet\n")]
    public void Load_EmptyFile_MeansNoAnswers(string content)
    {
        Write(content);

        var (answers, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Empty(errors);
        Assert.NotNull(answers);
        Assert.Empty(answers);
    }

    [Fact]
    public void Load_UnknownCategory_ReportsFileAndLine()
    {
        Write(Hours + "\n  categories: [question, deliveries]\n");

        var (answers, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Null(answers);
        var error = Assert.Single(errors);
        Assert.StartsWith("dialogs/catalog/answers.yaml:7: Unknown category 'deliveries' in the answer 'opening_hours'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldAndVariable_ReportEach()
    {
        Write("opening_hours:\n  text: \"We're here {hours}, {nmae}.\"\n  example: [\"what are your hours?\"]\n  examples: [\"what are your opening hours?\", \"are you open on saturdays?\", \"when is customer service available\"]\n");

        var (_, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.ToString() == "dialogs/catalog/answers.yaml:2: Unknown variable '{nmae}' in 'opening_hours' (allowed here: {name}, {hours}).");
        Assert.Contains(errors, e => e.ToString().StartsWith("dialogs/catalog/answers.yaml:3: Unknown field 'example' in the answer 'opening_hours'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TooFewExamples_ReportsTheAnswersLine()
    {
        Write(Hours + "\nreset_password:\n  text: \"Choose Forgot password on the sign-in page.\"\n  examples:\n    - \"how do I reset my password?\"\n");

        var (_, errors) = AnswerFileLoader.Load(_folder, Categories);

        var error = Assert.Single(errors);
        Assert.StartsWith("dialogs/catalog/answers.yaml:7: The answer 'reset_password' has 1 example question; give at least 3", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExampleRepeatedInAnotherAnswer_ReportsBothLines()
    {
        Write(Hours + "\ncontact:\n  text: \"Say talk to a person.\"\n  examples:\n    - \"how do I reach someone?\"\n    - \"When is customer service available?\"\n    - \"is there a phone number\"\n");

        var (_, errors) = AnswerFileLoader.Load(_folder, Categories);

        var error = Assert.Single(errors);
        Assert.Equal("dialogs/catalog/answers.yaml:11: The example \"When is customer service available?\" repeats the one on line 6.", error.ToString());
    }

    [Fact]
    public void Load_EmptyExampleAndMissingText_ReportEach()
    {
        Write("opening_hours:\n  examples:\n    - \"what are your opening hours?\"\n    - \"\"\n    - \"are you open on saturdays?\"\n    - \"when is customer service available\"\n");

        var (_, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Contains(errors, e => e.ToString() == "dialogs/catalog/answers.yaml:2: The answer 'opening_hours' has no text; write what the bot should say.");
        Assert.Contains(errors, e => e.ToString().StartsWith("dialogs/catalog/answers.yaml:4: An entry of 'examples' in the answer 'opening_hours' is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_AnswerHidingBehindPolicy_IsRefusedWithItsLine()
    {
        Write("returns:\n  text: \"Returns after 30 days are not allowed by our policy.\"\n  examples: [\"how do I return an item?\", \"can I send it back\", \"what's your returns process\"]\n");

        var (_, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Contains(errors, e => e.Line == 2 && e.Message.StartsWith("The answer 'returns' hides behind policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenYaml_ReportsItsLine()
    {
        Write(Hours + "\nbroken:\n  text: \"unclosed\n");

        var (answers, errors) = AnswerFileLoader.Load(_folder, Categories);

        Assert.Null(answers);
        var error = Assert.Single(errors);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 8, error.ToString());
    }

    [Fact]
    public void Load_RepositoryFile_IsValid()
    {
        var (answers, errors) = AnswerFileLoader.Load(Path.Combine(TestBots.DialogsDirectory, "catalog"), [.. TestBots.Catalog().Categories.Select(c => c.Id)]);

        Assert.Empty(errors);
        Assert.NotNull(answers);
        Assert.True(answers.Count >= 8);
    }

    private void Write(string content) => File.WriteAllText(Path.Combine(_folder, AnswerFileLoader.FileName), content);
}

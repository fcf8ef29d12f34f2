using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;

namespace SupportBot.Core.Tests.PromptFiles;

public sealed class PromptFileLoaderTests
{
    private static readonly PromptDefinition[] Definitions =
    [
        PromptDefinition.Of("greeting.welcome", "name"),
        PromptDefinition.Of("closing.thanks", "name"),
    ];

    private const string Good = """
        greeting.welcome:
          - id: welcome-1
            text: "Hi {name}!"
          - id: welcome-2
            text: "Hello {name}."
        closing.thanks:
          - id: thanks-1
            text: "Thanks, {name}."
        """;

    private static PromptLoadResult Parse(string text) => PromptFileLoader.Parse([("dialogs/test.yaml", text)], Definitions);

    [Fact]
    public void PromptFileLoader_RepositoryDialogs_LoadWithoutErrors()
    {
        var result = PromptFileLoader.Load(TestBots.DialogsDirectory, SupportPrompts.Definitions);

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Catalog);
    }

    [Fact]
    public void PromptFileLoader_GoodFile_RendersVariables()
    {
        var catalog = Parse(Good).Catalog!;

        var text = catalog.Render("closing.thanks", new Dictionary<string, string?> { ["name"] = "Dana" }).Text;

        Assert.Equal("Thanks, Dana.", text);
    }

    [Fact]
    public void PromptCatalog_MissingValue_UsesFallbackNeverPlaceholder()
    {
        var catalog = Parse(Good).Catalog!;

        var text = catalog.Render("closing.thanks", new Dictionary<string, string?> { ["name"] = null }).Text;

        Assert.Equal("Thanks, there.", text);
    }

    [Fact]
    public void PromptCatalog_Avoid_PicksAnotherVariant()
    {
        var catalog = Parse(Good).Catalog!;
        var first = catalog.Render("greeting.welcome", seed: "c1");

        var second = catalog.Render("greeting.welcome", seed: "c1", avoid: [first.Id]);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void PromptFileLoader_BrokenYaml_ReportsFileAndLine()
    {
        var result = Parse("greeting.welcome:\n  - id: a\n    text: \"unclosed\n");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Catalog);
        Assert.Equal("dialogs/test.yaml", error.File);
        Assert.True(error.Line >= 3, $"line {error.Line}");
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptFileLoader_UnknownVariable_ReportsLineAndAllowedVariables()
    {
        var result = Parse(Good.Replace("Thanks, {name}.", "Thanks, {nmae}.", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal(8, error.Line);
        Assert.Contains("{nmae}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptFileLoader_DuplicateId_ReportsBothPlaces()
    {
        var result = Parse(Good.Replace("id: welcome-2", "id: welcome-1", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("dialogs/test.yaml:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptFileLoader_MissingRequiredPrompt_Reported()
    {
        var result = Parse("greeting.welcome:\n  - id: w\n    text: hi {name}\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("'closing.thanks' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptFileLoader_UnknownKey_SuggestsKnownOnes()
    {
        var result = Parse(Good + "\ngreeting.welcom:\n  - id: x\n    text: hi\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(9, error.Line);
        Assert.Contains("greeting.welcome", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("greeting.welcome: hello")]
    [InlineData("greeting.welcome:\n  - just text")]
    [InlineData("greeting.welcome:\n  - id: w\n")]
    [InlineData("greeting.welcome:\n  - text: hi\n")]
    [InlineData("greeting.welcome:\n  - id: w\n    text: \"Hi {name\"\n")]
    public void PromptFileLoader_MalformedVariant_IsAnError(string text)
    {
        var result = Parse(text + "\nclosing.thanks:\n  - id: t\n    text: ok\n");

        Assert.NotEmpty(result.Errors);
        Assert.Null(result.Catalog);
    }

    [Fact]
    public void PromptSource_BadEdit_KeepsLastGoodCatalogLive()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-prompts").FullName;
        File.WriteAllText(Path.Combine(directory, "a.yaml"), Good);
        var source = PromptSource.Load(directory, Definitions);

        File.WriteAllText(Path.Combine(directory, "a.yaml"), Good.Replace("Thanks, {name}.", "Thanks, {oops}.", StringComparison.Ordinal));
        var errors = source.Reload();

        Assert.NotEmpty(errors);
        Assert.Equal("Thanks, Dana.", source.Current.Render("closing.thanks", new Dictionary<string, string?> { ["name"] = "Dana" }).Text);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void PromptSource_GoodEdit_GoesLive()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-prompts").FullName;
        File.WriteAllText(Path.Combine(directory, "a.yaml"), Good);
        var source = PromptSource.Load(directory, Definitions);

        File.WriteAllText(Path.Combine(directory, "a.yaml"), Good.Replace("Thanks, {name}.", "Many thanks, {name}.", StringComparison.Ordinal));
        var errors = source.Reload();

        Assert.Empty(errors);
        Assert.Equal("Many thanks, Dana.", source.Current.Render("closing.thanks", new Dictionary<string, string?> { ["name"] = "Dana" }).Text);
        Directory.Delete(directory, recursive: true);
    }
}

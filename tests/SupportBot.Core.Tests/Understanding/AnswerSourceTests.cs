using SupportBot.Core.PromptFiles;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class AnswerSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-answer-source-" + Guid.NewGuid().ToString("N"));

    public AnswerSourceTests()
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

    private string AnswersFile => Path.Combine(_folder, AnswerFileLoader.FileName);

    [Fact]
    public void Reload_BadAnswers_KeepsTheLastGoodAnswersAndReportsFileAndLine()
    {
        var source = AnswerSource.Load(_folder, Categories);
        var before = source.Current;
        File.AppendAllText(AnswersFile, "\ngift_cards:\n  txt: \"We sell gift cards in every store.\"\n  examples: [\"do you sell gift cards?\", \"can I buy a voucher\", \"are gift cards available\"]\n");

        var errors = source.Reload();

        Assert.Contains(errors, e => e.File == "dialogs/catalog/answers.yaml" && e.Line > 1 && e.Message.StartsWith("Unknown field 'txt'", StringComparison.Ordinal));
        Assert.Same(before, source.Current);
        Assert.Equal(errors, source.LastErrors);
        Assert.Equal("opening_hours", source.Current.Match("when are you open on Sundays")?.Answer.Id);
    }

    [Fact]
    public void Reload_NewAnswer_IsGivenToItsQuestions()
    {
        var source = AnswerSource.Load(_folder, Categories);
        Assert.Null(source.Current.Match("do you sell gift cards?"));
        File.AppendAllText(AnswersFile, "\ngift_cards:\n  text: \"Gift cards are on the website's gift card page.\"\n  examples: [\"do you sell gift cards?\", \"can I buy a voucher for a friend\", \"are gift vouchers available\", \"where can I get a gift card\"]\n");

        var errors = source.Reload();

        Assert.Empty(errors);
        Assert.Equal("gift_cards", source.Current.Match("do you sell gift cards?")?.Answer.Id);
        Assert.Equal("gift_cards", source.Current.Match("can I buy a gift card online?")?.Answer.Id);
    }

    [Fact]
    public void Load_NoAnswersFile_EveryQuestionGetsNoAnswer()
    {
        File.Delete(AnswersFile);

        var source = AnswerSource.Load(_folder, Categories);

        Assert.Empty(source.Current.Answers);
        Assert.Null(source.Current.Match("what are your opening hours?"));
    }

    [Fact]
    public void Load_BadAnswersAtStartUp_ThrowsWithEveryError()
    {
        File.WriteAllText(AnswersFile, "hours:\n  text: \"We're here {when}.\"\n  examples: [\"what are your hours?\"]\n");

        var error = Assert.Throws<PromptFilesInvalidException>(() => AnswerSource.Load(_folder, Categories));

        Assert.Equal(2, error.Errors.Count);
        Assert.All(error.Errors, e => Assert.Equal("dialogs/catalog/answers.yaml", e.File));
    }

    private static IReadOnlyCollection<string> Categories() => [.. TestBots.Catalog().Categories.Select(c => c.Id)];
}

using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

/// <summary>The reader trained on the repository's own examples, as the app trains it.</summary>
public sealed class LocalMessageReaderTests
{
    private static readonly Lazy<ExampleSet> Examples = new(() =>
        ExampleFileLoader.Load(Path.Combine(TestBots.DialogsDirectory, "catalog"), ExampleFileLoader.StandardCategories).Examples
        ?? throw new InvalidOperationException("dialogs/catalog/examples.yaml is not valid"));

    private static readonly Lazy<LocalMessageReader> Reader = new(() => LocalMessageReader.Train(Examples.Value, Settings()));

    [Theory]
    [InlineData("FIX. THE. ROKU. APP. IMMEDIATELY.", "technical")]
    [InlineData("the vase inside was shattered", "damaged")]
    [InlineData("you charged me twice for my subscription", "billing")]
    [InlineData("can I cancel my order?", "cancel_return")]
    [InlineData("what time do you open on sundays", "question")]
    [InlineData("my parcel STILL hasnt arrived, its been 2 weeks", "delivery")]
    [InlineData("tracking says delivered but theres nothing here", "delivery")]
    [InlineData("the headphones came with a broken cable", "damaged")]
    [InlineData("where is my refund?? 3 weeks now", "billing")]
    [InlineData("i cant log in to my acount, reset email never comes", "account")]
    [InlineData("someone hacked my account and changed the password", "account")]
    [InlineData("the app keeps crashing on my iphone since the update", "technical")]
    [InlineData("the engineer never turned up and nobody called", "service")]
    [InlineData("how do i return these boots, they dont fit", "cancel_return")]
    [InlineData("do you ship to canada?", "question")]
    [InlineData("I need some help", "other")]
    public void Read_RealWorldMessage_ReadsItsCategory(string text, string category)
    {
        var reading = Reader.Value.Read(text);

        Assert.True(reading.Category == category, $"'{text}' read as {reading.Category} {reading.Confidence:0.00} (then {reading.TopCategories[1].Category}), expected {category}");
    }

    [Theory]
    [InlineData("FIX. THE. ROKU. APP. IMMEDIATELY.", MessageKind.Complaint)]
    [InlineData("my order arrived broken", MessageKind.Complaint)]
    [InlineData("can I cancel my order?", MessageKind.Request)]
    [InlineData("please change the email on my account", MessageKind.Request)]
    [InlineData("what time do you open on sundays", MessageKind.Question)]
    [InlineData("do you ship to canada?", MessageKind.Question)]
    [InlineData("hi", MessageKind.Greeting)]
    [InlineData("Good morning!", MessageKind.Greeting)]
    [InlineData("thanks!", MessageKind.Thanks)]
    [InlineData("thank you so much, that fixed it", MessageKind.Thanks)]
    [InlineData("", MessageKind.Unclear)]
    public void Read_RealWorldMessage_ReadsItsKind(string text, MessageKind kind)
    {
        var reading = Reader.Value.Read(text);

        Assert.Equal(kind, reading.Kind);
    }

    [Theory]
    [InlineData("I want to talk to a person right now", true)]
    [InlineData("can I speak to a manager", true)]
    [InlineData("Contact me directly please, the site is useless", true)]
    [InlineData("dm me asap", true)]
    [InlineData("your bot is useless, get me a human", true)]
    [InlineData("who do I contact about a hacked account?", true)]
    [InlineData("my parcel never arrived", false)]
    [InlineData("I called support twice and they could not help", false)]
    [InlineData("someone hacked my account", false)]
    public void Read_Message_ReadsWhetherTheyWantAPerson(string text, bool wantsPerson)
    {
        var reading = Reader.Value.Read(text);

        Assert.Equal(wantsPerson, reading.WantsPerson);
    }

    [Fact]
    public void Read_AnyMessage_GivesTheTopTwoCategoriesAsProbabilities()
    {
        var reading = Reader.Value.Read("my order is late and I was charged twice");

        Assert.Equal(2, reading.TopCategories.Count);
        Assert.Equal(reading.Category, reading.TopCategories[0].Category);
        Assert.NotEqual(reading.TopCategories[0].Category, reading.TopCategories[1].Category);
        Assert.InRange(reading.TopCategories[1].Probability, 0, reading.Confidence);
        Assert.InRange(reading.Confidence + reading.TopCategories[1].Probability, 0, 1.000001);
        Assert.Equal(0.3, reading.ConfidenceThreshold);
    }

    [Fact]
    public void Read_TwoProblemsAtOnce_IsNotConfidentUnderAHighThreshold()
    {
        var strict = LocalMessageReader.Train(Examples.Value, Settings() with { ConfidenceThreshold = 0.95 });

        var reading = strict.Read("my order is late and I was charged twice");

        Assert.False(reading.IsConfident, $"read as {reading.Category} {reading.Confidence:0.00}");
        Assert.Equal(["billing", "delivery"], reading.TopCategories.Select(c => c.Category).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Train_TwiceOnTheSameExamples_ReadsIdentically()
    {
        var first = LocalMessageReader.Train(Examples.Value, Settings());
        var second = LocalMessageReader.Train(Examples.Value, Settings());

        foreach (var example in Examples.Value.Examples.Take(200))
        {
            var a = first.Read(example.Text);
            var b = second.Read(example.Text);
            Assert.Equal(a.Category, b.Category);
            Assert.Equal(a.Confidence, b.Confidence);
            Assert.Equal(a.Kind, b.Kind);
        }
    }

    [Fact]
    public void CrossValidation_ScoredRowsAmongTheExamples_NeverReadsARowItTrainedOn()
    {
        var rows = Examples.Value.Examples.Where(e => e.File.EndsWith(".tsv", StringComparison.Ordinal)).Take(40).Select(e => (e.Text, e.Category)).ToList();

        var (readings, folds) = CrossValidation.Read(Examples.Value, rows, Settings(), folds: 4);

        Assert.Equal(4, folds);
        Assert.Equal(rows.Count, readings.Length);
        Assert.All(readings, Assert.NotNull);
    }

    private static MessageReaderSettings Settings() =>
        new() { Keywords = TestBots.Catalog().Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal) };
}

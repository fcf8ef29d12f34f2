using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment;

/// <summary>
/// The lexicon's reading (VADER's rules over the VADER lexicon and the support lexicon, sarcasm), as the analyzer
/// gives it without its trained model. The trained reader on top is tested in <see cref="FeelingReaderTests"/>.
/// </summary>
public sealed class LocalSentimentAnalyzerTests
{
    private static readonly Lazy<LocalSentimentAnalyzer> Lexicon = new(() =>
        new LocalSentimentAnalyzer(SentimentLexicon.Load(Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt"), Path.Combine(TestBots.DialogsDirectory, "sentiment-lexicon.tsv")), model: null));

    private static SentimentResult Analyze(string text) => Lexicon.Value.Analyze(text);

    [Theory]
    [InlineData("I am happy with the service", "I am not happy with the service")]
    [InlineData("the replacement is good", "the replacement is never good")]
    [InlineData("that was helpful", "that wasn't helpful")]
    [InlineData("I like the new app", "I don\u2019t like the new app")]
    public void Negation_FlipsSign(string plain, string negated)
    {
        Assert.True(Analyze(plain).Compound > 0);
        Assert.True(Analyze(negated).Compound < 0);
    }

    [Theory]
    [InlineData("the service was bad", "the service was extremely bad")]
    [InlineData("the delivery was good", "the delivery was really good")]
    public void Intensifier_RaisesMagnitude(string plain, string boosted)
    {
        Assert.True(Math.Abs(Analyze(boosted).Compound) > Math.Abs(Analyze(plain).Compound));
    }

    [Theory]
    [InlineData("my favorite shop", "my favourite shop")]
    [InlineData("the staff were disorganized", "the staff were disorganised")]
    public void BritishSpelling_ScoresLikeAmerican(string american, string british)
    {
        Assert.NotEqual(0, Analyze(american).Compound);
        Assert.Equal(Analyze(american).Compound, Analyze(british).Compound);
    }

    [Fact]
    public void Dampener_LowersMagnitude()
    {
        Assert.True(Math.Abs(Analyze("the delivery was slightly bad").Compound) < Math.Abs(Analyze("the delivery was bad").Compound));
    }

    [Theory]
    [InlineData("this is terrible service", "this is TERRIBLE service")]
    [InlineData("this is terrible service", "this is terrible service!!!")]
    public void CapsAndExclamations_RaiseMagnitude(string plain, string emphatic)
    {
        Assert.True(Analyze(emphatic).Compound < Analyze(plain).Compound);
        Assert.True(Analyze(emphatic).Intensity > Analyze(plain).Intensity);
    }

    [Theory]
    [InlineData("My order is 48213.")]
    [InlineData("I ordered a blue kettle on Monday.")]
    [InlineData("Send it to the office address.")]
    public void NeutralText_StaysNeutral(string text)
    {
        var result = Analyze(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.InRange(result.Compound, -0.05, 0.05);
    }

    [Fact]
    public void But_ShiftsWeightToSecondClause()
    {
        Assert.True(Analyze("the courier was friendly but the parcel was damaged").Compound < 0);
        Assert.True(Analyze("the parcel was damaged but the courier was lovely and fixed it").Compound > 0);
    }

    [Theory]
    [InlineData("still waiting for my refund")]
    [InlineData("this is the third time I'm asking")]
    [InlineData("no one called back")]
    [InlineData("this is ridiculous")]
    [InlineData("my parcel never arrived")]
    public void SupportIdioms_ReadNegativeWithAnEmotion(string text)
    {
        var result = Analyze(text);

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.True(result.Has(Emotion.Frustration) || result.Has(Emotion.Anger), string.Join(", ", result.Emotions));
    }

    [Fact]
    public void Sarcasm_ThanksInsideComplaint_NotPositive()
    {
        var result = Analyze("still waiting, thanks a lot");

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.False(result.Has(Emotion.Gratitude));
    }

    [Fact]
    public void Gratitude_Detected()
    {
        var result = Analyze("thank you so much, that fixed it");

        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.True(result.Has(Emotion.Gratitude));
    }

    [Theory]
    [InlineData("the new charger arrived 😡", SentimentLabel.Negative)]
    [InlineData("the new charger arrived 🙂", SentimentLabel.Positive)]
    [InlineData("the new charger arrived :(", SentimentLabel.Negative)]
    [InlineData("the new charger arrived :)", SentimentLabel.Positive)]
    public void EmojiAndEmoticons_Count(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Analyze(text).Label);
    }

    [Fact]
    public void Emotions_AnxietyAndConfusion()
    {
        Assert.True(Analyze("I'm worried, I need it by Friday").Has(Emotion.Anxiety));
        Assert.True(Analyze("I'm confused, the invoice makes no sense").Has(Emotion.Confusion));
    }

    [Fact]
    public void Sentences_ScoredSeparatelyWithOffsets_AndMixedWhenTheyDisagree()
    {
        var text = "The courier was lovely. The parcel was badly damaged.";

        var result = Analyze(text);

        Assert.Equal(2, result.Sentences.Count);
        Assert.Equal(SentimentLabel.Positive, result.Sentences[0].Label);
        Assert.Equal(SentimentLabel.Negative, result.Sentences[1].Label);
        Assert.Equal(text.IndexOf("The parcel", StringComparison.Ordinal), result.Sentences[1].Offset);
        Assert.Equal(SentimentLabel.Mixed, result.Label);
    }

    [Theory]
    [InlineData("my refund STILL hasn't arrived, three weeks!!")]
    [InlineData("great service, thank you")]
    [InlineData("ok")]
    public void Scores_SumToOne(string text)
    {
        var scores = Analyze(text).Scores;

        Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 6);
    }

    [Fact]
    public void Target_NamesWhatTheComplaintIsAbout()
    {
        Assert.Equal("refund", Assert.Single(Analyze("my refund STILL hasn't arrived, three weeks!!").Targets).Text);
    }

    [Fact]
    public void SupportLexicon_BadLine_ReportsFileAndLine()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-lexicon").FullName;
        var path = Path.Combine(directory, "sentiment-lexicon.tsv");
        File.WriteAllText(path, "# comment\nstill waiting\t-1.8\tfrustration\nfed up\tvery\n");
        var vader = Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt");

        var error = Assert.Throws<FormatException>(() => SentimentLexicon.Load(vader, path));

        Assert.Contains("sentiment-lexicon.tsv:3", error.Message, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("fine", 0.8)]
    [InlineData("horrible", -2.5)]
    [InlineData("worst", -3.1)]
    public void RepositoryLexicons_VaderWord_ScoresItsRatedValence(string word, double vaderValence)
    {
        var result = Analyze(word);

        Assert.Equal(VaderCompound(vaderValence), result.Compound, tolerance: 1e-4);
    }

    [Theory]
    [InlineData("overcharged", -2.2, Emotion.Anger)]
    [InlineData("still waiting", -1.8, Emotion.Frustration)]
    [InlineData("nobody answers", -2.0, Emotion.Frustration)]
    public void RepositoryLexicons_SupportTerm_ScoresItsListedValenceAndEmotion(string term, double listedValence, Emotion emotion)
    {
        var withSupport = Analyze(term);
        var vaderOnly = VaderOnly.Value.Analyze(term);

        Assert.Equal(VaderCompound(listedValence), withSupport.Compound, tolerance: 1e-4);
        Assert.Contains(withSupport.Emotions, e => e.Emotion == emotion);
        Assert.Equal(0, vaderOnly.Compound);
    }

    [Fact]
    public void RepositoryLexicons_WordVaderAlsoRates_KeepsVadersValenceAndGainsTheListedEmotions()
    {
        // dialogs/sentiment-lexicon.tsv lists "useless -2.2 anger,frustration"; VADER's people rated it -1.8.
        var result = Analyze("useless");

        Assert.Equal(VaderCompound(-1.8), result.Compound, tolerance: 1e-4);
        Assert.Contains(result.Emotions, e => e.Emotion == Emotion.Anger);
        Assert.Contains(result.Emotions, e => e.Emotion == Emotion.Frustration);
    }

    [Fact]
    public void RepositoryLexicons_BothFilesLoaded_KnowsVadersWordsAndTheSupportTerms()
    {
        var vader = Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt");

        var vaderOnly = SentimentLexicon.Load(vader, null).Count;
        var both = SentimentLexicon.Load(vader, Path.Combine(TestBots.DialogsDirectory, "sentiment-lexicon.tsv")).Count;

        Assert.InRange(vaderOnly, 7000, 9000);
        Assert.True(both >= vaderOnly + 100, $"the support lexicon added {both - vaderOnly} entries");
    }

    [Fact]
    public void RepositoryLexicons_StronglyNegativeComplaint_ReadsStronglyNegative()
    {
        var result = Analyze("This is the worst service ever, I am furious and my refund still hasn't arrived.");

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.True(result.Compound < -0.8, $"compound {result.Compound}");
    }

    private static readonly Lazy<LocalSentimentAnalyzer> VaderOnly = new(() =>
        new LocalSentimentAnalyzer(SentimentLexicon.Load(Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt"), null), model: null));

    /// <summary>VADER's normalisation of one term's valence: x / sqrt(x² + 15).</summary>
    private static double VaderCompound(double valence) => valence / Math.Sqrt((valence * valence) + 15);
}

using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment;

/// <summary>
/// The feeling reader as the bot runs it: the lexicon, the signals and the shipped model. None of these messages is
/// among the examples the model learned from.
/// </summary>
public sealed class FeelingReaderTests
{
    private static SentimentResult Analyze(string text) => TestBots.Sentiment.Analyze(text);

    [Theory]
    [InlineData("FIX. THE. ROKU. APP. IMMEDIATELY.")]
    [InlineData("get your shit together, this is the third time")]
    [InlineData("you crooks, I'm reporting you to trading standards")]
    [InlineData("I AM DONE WITH YOU PEOPLE")]
    [InlineData("I'm furious, you cancelled my order without telling me")]
    [InlineData("my order has gone missing AGAIN. you people are useless and I'm cancelling my account")]
    public void Furious(string text) => AssertBand(Feeling.Furious, text);

    [Theory]
    [InlineData("my refund STILL hasn't arrived, three weeks!!")]
    [InlineData("still waiting, thanks a lot")]
    [InlineData("I've been on hold 40 minutes and nobody picked up")]
    [InlineData("this is ridiculous, I've been waiting for weeks")]
    [InlineData("great job, really. the parcel is lost again")]
    [InlineData("the courier was rude")]
    [InlineData("the courier who brought my parcel swore at me and threw it at my door")]
    [InlineData("the engineer shouted at me in my own kitchen")]
    public void Upset(string text) => AssertBand(Feeling.Upset, text);

    [Theory]
    [InlineData("im bothered that I lost a days pay because of you idiots. This is a f***ing joke")]
    [InlineData("you useless morons lost my parcel and I'm worried sick about it")]
    public void FuriousAtUs_IsAngerFirst(string text)
    {
        var result = Analyze(text);

        Assert.Equal(Feeling.Furious, result.Feeling);
        Assert.Equal(Emotion.Anger, result.Emotions[0].Emotion);
    }

    [Theory]
    [InlineData("Hello, sorry to bother you, but my replacement still hasn't come after a month and nobody has answered my two emails. Many thanks.")]
    [InlineData("Hi there, could you please help? I've been charged for a subscription I cancelled in March and I've asked three times for it to stop. Thank you")]
    [InlineData("Good morning, I'd be grateful for your help: I have been without broadband for six days now and nobody has called back as promised. Kind regards")]
    public void PoliteButUpset_IsUpset_AndNeverPositive(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Feeling is Feeling.Upset or Feeling.Furious, $"\"{text}\" reads {result.Feeling}");
        Assert.True(result.Compound < 0.05, $"\"{text}\" reads {result.Compound} ({result.Label})");
        Assert.True(result.Signals.HasFlag(FeelingSignal.Politeness));
    }

    [Theory]
    [InlineData("the lamp arrived broken")]
    [InlineData("my order is a couple of days late")]
    [InlineData("the blender makes a strange noise")]
    public void Mild(string text) => AssertBand(Feeling.Mild, text);

    [Theory]
    [InlineData("do you have the kettle in red?")]
    [InlineData("can you tell me how to update my billing address?")]
    [InlineData("hi")]
    public void Calm(string text) => AssertBand(Feeling.Calm, text);

    [Theory]
    [InlineData("thank you so much, that fixed it")]
    [InlineData("that was quick, thanks a lot for your help!")]
    public void Positive(string text)
    {
        var result = Analyze(text);

        Assert.Equal(Feeling.Positive, result.Feeling);
        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.True(result.Has(Emotion.Gratitude));
    }

    [Theory]
    [InlineData("Please help, my account was hacked and I can't log in. Thanks in advance!")]
    [InlineData("Hi, my order hasn't arrived yet, please could you check? Thanks so much")]
    [InlineData("Hello, I can't reset my password, the email never arrives. Thanks")]
    [InlineData("you guys are a joke, I want my money back NOW")]
    public void PolitenessAndPraise_NeverTurnAComplaintPositive(string text)
    {
        Assert.NotEqual(SentimentLabel.Positive, Analyze(text).Label);
    }

    [Theory]
    [InlineData("I'm so worried, my flight is tomorrow and I still have no ticket", Emotion.Anxiety)]
    [InlineData("I'm really disappointed with the quality of this jacket", Emotion.Disappointment)]
    [InlineData("this is ridiculous, I've been waiting for weeks", Emotion.Anger)]
    [InlineData("my parcel never arrived and nobody answers my emails", Emotion.Frustration)]
    [InlineData("Hello, please could you help? I've been on hold 40 minutes twice this week. Thanks in advance", Emotion.Frustration)]
    [InlineData("the app logged me out AGAIN, third time today", Emotion.Frustration)]
    public void Emotions_FromTheModelAndTheLexicon(string text, Emotion emotion)
    {
        var result = Analyze(text);

        Assert.True(result.Has(emotion), $"\"{text}\" has {string.Join(", ", result.Emotions)}");
    }

    [Fact]
    public void Band_WithAnotherReadersConfidences_KeepsTheSignalsAndEmotions()
    {
        // Azure AI Language reads these neutral; the capitals still make one furious, and a plain question stays calm.
        var neutral = new SentimentScores(0.05, 0.9, 0.05);

        Assert.Equal(Feeling.Furious, TestBots.Sentiment.Band("FIX. THE. ROKU. APP. IMMEDIATELY.", neutral));
        Assert.Equal(Feeling.Calm, TestBots.Sentiment.Band("can you tell me how to update my billing address?", neutral));
        Assert.Equal(Feeling.Positive, TestBots.Sentiment.Band("thank you so much, that fixed it", new SentimentScores(0.98, 0.01, 0.01)));
    }

    [Fact]
    public void ShippedModel_WrittenAndReadBack_ReadsTheSame()
    {
        using var stream = new MemoryStream();
        FeelingModel.Default.Write(stream);
        stream.Position = 0;
        var lexicon = SentimentLexicon.Load(Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt"), Path.Combine(TestBots.DialogsDirectory, "sentiment-lexicon.tsv"));
        var again = new LocalSentimentAnalyzer(lexicon, FeelingModel.Read(stream));

        foreach (var text in (string[])["FIX. THE. ROKU. APP. IMMEDIATELY.", "the lamp arrived broken", "thank you so much, that fixed it", "I'm so worried, my flight is tomorrow"])
        {
            var expected = Analyze(text);
            var actual = again.Analyze(text);
            Assert.Equal(expected.Feeling, actual.Feeling);
            Assert.Equal(expected.Compound, actual.Compound);
            Assert.Equal(expected.Emotions, actual.Emotions);
        }
    }

    [Fact]
    public void Train_SameExamplesTwice_SameBytes()
    {
        var lexicon = SentimentLexicon.Load(Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt"), null);
        EmotionExample[] comments =
        [
            new("I love this so much", SentimentLabel.Positive, []),
            new("thank you, that is kind", SentimentLabel.Positive, [Emotion.Gratitude]),
            new("this makes me so angry", SentimentLabel.Negative, [Emotion.Anger]),
            new("I'm scared it won't work", SentimentLabel.Negative, [Emotion.Anxiety]),
            new("it is a chair", SentimentLabel.Neutral, []),
            new("why would they do that?", null, [Emotion.Confusion]),
        ];
        (string, Feeling)[] feelings =
        [
            ("where is my parcel", Feeling.Calm), ("my parcel is late", Feeling.Mild), ("STILL no parcel!!", Feeling.Upset),
            ("you crooks", Feeling.Furious), ("thanks, all sorted", Feeling.Positive),
        ];

        var first = Bytes(FeelingModel.Train(lexicon, comments, feelings));
        var second = Bytes(FeelingModel.Train(lexicon, comments, feelings));

        Assert.Equal(first, second);
    }

    private static byte[] Bytes(FeelingModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }

    private static void AssertBand(Feeling expected, string text)
    {
        var result = Analyze(text);
        Assert.True(result.Feeling == expected, $"\"{text}\" reads {result.Feeling} ({result.Signals}; {result.Label} {result.Compound}; {string.Join(", ", result.Emotions)})");
    }
}

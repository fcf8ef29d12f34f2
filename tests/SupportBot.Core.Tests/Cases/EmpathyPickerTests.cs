using SupportBot.Core.Cases;

namespace SupportBot.Core.Tests.Cases;

public sealed class EmpathyPickerTests
{
    private static MoodReading Mood(string feeling, params string[] emotions) =>
        new(1, feeling is "positive" ? "positive" : feeling is "calm" ? "neutral" : "negative", 0, 0, emotions, feeling);

    [Theory]
    [InlineData("mild", "frustration", "empathy.mild.frustration")]
    [InlineData("upset", "anger", "empathy.upset.anger")]
    [InlineData("furious", "anxiety", "empathy.furious.anxiety")]
    [InlineData("furious", "gratitude", "empathy.furious.general")]
    [InlineData("calm", "", "empathy.neutral")]
    [InlineData("calm", "gratitude", "empathy.neutral")]
    [InlineData("positive", "gratitude", "empathy.gratitude")]
    public void PromptKey_FirstTurn_BandAndEmotion(string feeling, string emotion, string expected)
    {
        var emotions = emotion.Length == 0 ? Array.Empty<string>() : [emotion];

        Assert.Equal(expected, EmpathyPicker.PromptKey(Mood(feeling, emotions), []));
    }

    [Fact]
    public void PromptKey_Threat_UsesTheThreatsOwnLinesThenTheWarmest()
    {
        var threat = Mood("furious", "anger") with { Threat = "public" };

        Assert.Equal("empathy.threat.public", EmpathyPicker.PromptKey(threat, []));
        Assert.Equal(["empathy.threat.public", "empathy.furious.general"], EmpathyPicker.Fallbacks("empathy.threat.public").Take(2));
    }

    [Fact]
    public void PromptKey_RisingFromMildToUpset_UsesTheUpsetLines()
    {
        Assert.Equal("empathy.upset.frustration", EmpathyPicker.PromptKey(Mood("upset", "frustration"), [Mood("mild", "frustration")]));
        Assert.True(EmpathyPicker.Rose(Mood("mild"), Mood("upset")));
        Assert.False(EmpathyPicker.Rose(Mood("calm"), Mood("mild")));
        Assert.False(EmpathyPicker.Rose(Mood("furious"), Mood("upset")));
    }

    [Fact]
    public void PromptKey_CalmingDown_AcknowledgesImprovement()
    {
        Assert.Equal("empathy.improving", EmpathyPicker.PromptKey(Mood("positive", "gratitude"), [Mood("furious", "anger")]));
        Assert.Equal("empathy.improving", EmpathyPicker.PromptKey(Mood("positive"), [Mood("upset", "anger")]));
        Assert.Equal("empathy.neutral", EmpathyPicker.PromptKey(Mood("calm"), [Mood("furious", "anger")]));
        Assert.Equal("empathy.mild.general", EmpathyPicker.PromptKey(Mood("mild"), [Mood("upset", "anger")]));
        Assert.False(EmpathyPicker.Calmed(Mood("upset"), Mood("calm")));
    }

    [Fact]
    public void FrustrationRising_ThreeTurnsMoreHeated_OrTwoFurious()
    {
        Assert.True(EmpathyPicker.FrustrationRising([Mood("calm"), Mood("mild"), Mood("upset")]));
        Assert.True(EmpathyPicker.FrustrationRising([Mood("mild"), Mood("furious"), Mood("furious")]));
        Assert.False(EmpathyPicker.FrustrationRising([Mood("calm"), Mood("mild")]));
        Assert.False(EmpathyPicker.FrustrationRising([Mood("upset"), Mood("upset"), Mood("upset")]));
        Assert.False(EmpathyPicker.FrustrationRising([Mood("upset"), Mood("mild"), Mood("calm")]));
        Assert.False(EmpathyPicker.FrustrationRising([Mood("calm"), Mood("calm"), Mood("mild")]));
        Assert.False(EmpathyPicker.FrustrationRising([Mood("upset"), Mood("calm"), Mood("mild"), Mood("upset")]));
        Assert.True(EmpathyPicker.FrustrationRising([Mood("mild"), Mood("calm"), Mood("upset"), Mood("furious")]));
    }

    [Fact]
    public void Trend_ComparesTheLastBandWithTheFirst()
    {
        Assert.Equal("improving", EmpathyPicker.Trend([Mood("furious"), Mood("calm")]));
        Assert.Equal("worsening", EmpathyPicker.Trend([Mood("calm"), Mood("mild"), Mood("upset")]));
        Assert.Equal("steady", EmpathyPicker.Trend([Mood("positive"), Mood("calm")]));
        Assert.Equal("steady", EmpathyPicker.Trend([Mood("upset")]));
    }

    [Fact]
    public void MoodReading_KeptBeforeBands_CountsAsCalm()
    {
        var old = System.Text.Json.JsonSerializer.Deserialize<MoodReading>("""{"Turn":1,"Label":"negative","Compound":-0.6,"Intensity":0.6,"Emotions":["anger"]}""");

        Assert.NotNull(old);
        Assert.Equal("calm", old.Feeling);
        Assert.Equal(0, old.Heat);
    }
}

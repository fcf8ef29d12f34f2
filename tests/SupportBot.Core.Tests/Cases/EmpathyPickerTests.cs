using SupportBot.Core.Cases;

namespace SupportBot.Core.Tests.Cases;

public sealed class EmpathyPickerTests
{
    private static MoodReading Mood(double compound, double intensity, params string[] emotions) =>
        new(1, compound <= -0.05 ? "negative" : compound >= 0.05 ? "positive" : "neutral", compound, intensity, emotions);

    [Theory]
    [InlineData(-0.3, 0.2, "frustration", "empathy.mild.frustration")]
    [InlineData(-0.6, 0.5, "anger", "empathy.moderate.anger")]
    [InlineData(-0.9, 0.9, "anxiety", "empathy.severe.anxiety")]
    [InlineData(-0.9, 0.9, "gratitude", "empathy.severe.general")]
    [InlineData(0.0, 0.0, "", "empathy.neutral")]
    public void PromptKey_FirstTurn_BandAndEmotion(double compound, double intensity, string emotion, string expected)
    {
        var emotions = emotion.Length == 0 ? Array.Empty<string>() : [emotion];

        Assert.Equal(expected, EmpathyPicker.PromptKey(Mood(compound, intensity, emotions), []));
    }

    [Fact]
    public void PromptKey_FrustrationRising_OneBandWarmer()
    {
        var earlier = new[] { Mood(-0.2, 0.15, "frustration") };

        var key = EmpathyPicker.PromptKey(Mood(-0.4, 0.3, "frustration"), earlier);

        Assert.Equal("empathy.moderate.frustration", key);
    }

    [Fact]
    public void PromptKey_CalmingDown_AcknowledgesImprovement()
    {
        var earlier = new[] { Mood(-0.8, 0.8, "anger") };

        Assert.Equal("empathy.improving", EmpathyPicker.PromptKey(Mood(0.1, 0.1), earlier));
        Assert.Equal("empathy.improving", EmpathyPicker.PromptKey(Mood(-0.2, 0.2), earlier));
    }

    [Fact]
    public void FrustrationRising_ThreeTurnsWorse_True()
    {
        var moods = new[] { Mood(-0.2, 0.1), Mood(-0.4, 0.3), Mood(-0.6, 0.5) };

        Assert.True(EmpathyPicker.FrustrationRising(moods));
        Assert.False(EmpathyPicker.FrustrationRising(moods[..2]));
        Assert.False(EmpathyPicker.FrustrationRising([Mood(-0.6, 0.5), Mood(-0.4, 0.3), Mood(-0.2, 0.1)]));
    }

    [Fact]
    public void Trend_ComparesLastWithFirst()
    {
        Assert.Equal("improving", EmpathyPicker.Trend([Mood(-0.8, 0.8), Mood(0.2, 0.2)]));
        Assert.Equal("worsening", EmpathyPicker.Trend([Mood(0.0, 0.0), Mood(-0.5, 0.5)]));
        Assert.Equal("steady", EmpathyPicker.Trend([Mood(-0.3, 0.3)]));
    }
}

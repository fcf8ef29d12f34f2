using SupportBot.Core.Cases;

namespace SupportBot.Core.Tests.Cases;

public sealed class CaseVoiceTests
{
    [Theory]
    [InlineData("That's sorted, Tom: a full refund. Your refund is on its way back to your card, Tom; it shows within 3 days.", "That's sorted, Tom: a full refund. Your refund is on its way back to your card; it shows within 3 days.")]
    [InlineData("Done, Ana. Ana, a colleague calls you today.", "Done, Ana. A colleague calls you today.")]
    [InlineData("I've booked it, Dana: it leaves today, Dana.", "I've booked it, Dana: it leaves today.")]
    [InlineData("Tom, that's sorted.", "Tom, that's sorted.")]
    [InlineData("Tomas is the courier, Tom.", "Tomas is the courier, Tom.")]
    public void NamedOnce_KeepsTheFirstNameDropsTheRest(string text, string expected)
    {
        Assert.Equal(expected, CaseVoice.NamedOnce(text, text.Contains("Ana", StringComparison.Ordinal) ? "Ana" : text.Contains("Dana", StringComparison.Ordinal) ? "Dana" : "Tom"));
    }

    [Theory]
    [InlineData("Thanks, Dana, that's clear. Let's put it right.", "Thanks, that's clear. Let's put it right.")]
    [InlineData("Before I suggest a fix, Dana, is there anything else?", "Before I suggest a fix, is there anything else?")]
    [InlineData("Dana, I'd like to make this right.", "I'd like to make this right.")]
    [InlineData("What have you tried so far, Dana? That way I won't repeat it.", "What have you tried so far? That way I won't repeat it.")]
    [InlineData("Hi Dana, thanks for getting in touch.", "Hi Dana, thanks for getting in touch.")]
    [InlineData("Danaë called about it.", "Danaë called about it.")]
    public void WithoutName_DropsTheNameWithItsCommas_KeepsWhatCannotGoGracefully(string text, string expected)
    {
        Assert.Equal(expected, CaseVoice.WithoutName(text, "Dana"));
    }
}

using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment;

public sealed class ThreatReaderTests
{
    [Theory]
    [InlineData("im going to leave you and post a review everywhere if this isnt fixed today", "public")]
    [InlineData("one more day and I'm switching to another provider", "leaving")]
    [InlineData("never again, I'm done with you lot", "leaving")]
    [InlineData("I'll be talking to my solicitor about this", "formal")]
    [InlineData("fix it or I'm going to the ombudsman", "formal")]
    [InlineData("I'll post this everywhere, all over social media", "public")]
    [InlineData("giving you 1 star on Trustpilot", "public")]
    public void Kind_ThreatenedMessage_SaysWhatIsThreatened(string text, string expected) =>
        Assert.Equal(expected, ThreatReader.Kind(text, SignalReader.Read(text)));

    [Theory]
    [InlineData("my parcel never arrived")]
    [InlineData("where can I leave a review for the engineer, he was great")]
    [InlineData("I was going to leave the house when the courier rang")]
    public void Kind_NoThreat_IsNull(string text) => Assert.Null(ThreatReader.Kind(text, SignalReader.Read(text)));
}

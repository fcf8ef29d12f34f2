using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment;

/// <summary>Each signal a support agent reads, as customers spell it, and what must not be taken for it.</summary>
public sealed class SignalReaderTests
{
    [Theory]
    [InlineData("FIX. THE. ROKU. APP. IMMEDIATELY.")]
    [InlineData("WHY ARE YOU THE WORST? nothing works")]
    [InlineData("DONT LOSE MY LUGGAGE!!!")]
    [InlineData("fix. the. app. now.")]
    [InlineData("fix 👏 the 👏 app")]
    [InlineData("FIX IT NOW")]
    [InlineData("my order is LATE and NOBODY has TOLD me anything")]
    public void Shouting(string text) => AssertSignal(FeelingSignal.Shouting, text);

    [Theory]
    [InlineData("my refund STILL hasn't arrived")]
    [InlineData("and it happened AGAIN.")]
    public void Emphasis_OneWordInCapitals(string text)
    {
        AssertSignal(FeelingSignal.Emphasis, text);
        Assert.False(SignalReader.Read(text).HasFlag(FeelingSignal.Shouting));
    }

    [Theory]
    [InlineData("my HP LaserJet won't print over USB or HDMI")]
    [InlineData("PS4 says the PSN is down")]
    [InlineData("I need the PDF for my VAT return")]
    [InlineData("I can't find it")]
    public void Acronyms_AreNotShouting(string text) => AssertNo(FeelingSignal.Shouting | FeelingSignal.Emphasis, text);

    [Theory]
    [InlineData("where is my parcel??")]
    [InlineData("why was I charged twice?!")]
    [InlineData("this is unacceptable!!")]
    [InlineData("Please Help!?!?!?")]
    [InlineData("seriously‼")]
    public void RepeatedPunctuation(string text) => AssertSignal(FeelingSignal.RepeatedPunctuation, text);

    [Theory]
    [InlineData("where is my parcel?")]
    [InlineData("thanks! see you soon!")]
    [InlineData("hmm... not sure")]
    public void SinglePunctuation_IsNotRepeated(string text) => AssertNo(FeelingSignal.RepeatedPunctuation, text);

    [Theory]
    [InlineData("this is f*cking ridiculous")]
    [InlineData("what the hell is going on")]
    [InlineData("wtf is this charge")]
    [InlineData("the app is shit")]
    [InlineData("bullshit excuse")]
    [InlineData("adobe crashes all the fucking time")]
    [InlineData("sh!t service")]
    public void Profanity(string text) => AssertSignal(FeelingSignal.Profanity, text);

    [Theory]
    [InlineData("hello, I need help with my shipment")]
    [InlineData("the class was cancelled")]
    [InlineData("I assume it shipped")]
    public void InnocentWords_AreNotProfanity(string text) => AssertNo(FeelingSignal.Profanity, text);

    [Theory]
    [InlineData("get your shit together")]
    [InlineData("you crooks took my money")]
    [InlineData("what a scam")]
    [InlineData("your staff are incompetent")]
    [InlineData("f*** you and your refund policy")]
    [InlineData("you guys suck")]
    [InlineData("this is the worst company ever")]
    [InlineData("you people are useless")]
    public void Insult(string text) => AssertSignal(FeelingSignal.Insult, text);

    [Theory]
    [InlineData("I'm switching to another provider")]
    [InlineData("I will cancel my subscription if this isn't fixed")]
    [InlineData("I'm going to sue")]
    [InlineData("my lawyer will be in touch")]
    [InlineData("reporting you to the BBB")]
    [InlineData("I'll be leaving a 1-star review")]
    [InlineData("one star on Trustpilot is coming")]
    [InlineData("wont be using you again")]
    [InlineData("I'll take my business elsewhere")]
    [InlineData("I'm calling my bank for a chargeback")]
    [InlineData("never buying from you again")]
    [InlineData("Im cancelling my account")]
    public void Threat(string text) => AssertSignal(FeelingSignal.Threat, text);

    [Theory]
    [InlineData("how do I switch to dark mode?")]
    [InlineData("I'd like to cancel my order please")]
    [InlineData("can I leave a review of the product?")]
    [InlineData("how do I get rid of this popup")]
    public void Requests_AreNotThreats(string text) => AssertNo(FeelingSignal.Threat, text);

    [Theory]
    [InlineData("my refund still hasn't arrived")]
    [InlineData("the app crashed again")]
    [InlineData("yet another delay")]
    [InlineData("this is the third time I'm asking")]
    [InlineData("it happens every time I open it")]
    [InlineData("it keeps crashing")]
    [InlineData("they charged me 7 times")]
    [InlineData("over and over")]
    public void Recurrence(string text) => AssertSignal(FeelingSignal.Recurrence, text);

    [Theory]
    [InlineData("thanks again for your help")]
    [InlineData("I was charged twice")]
    public void NoRecurrence(string text) => AssertNo(FeelingSignal.Recurrence, text);

    [Theory]
    [InlineData("I've been on hold 40 minutes")]
    [InlineData("on hold for 40 mins")]
    [InlineData("my parcel STILL hasn't arrived, three weeks!!")]
    [InlineData("it's been 3days")]
    [InlineData("I ordered it 2 weeks ago")]
    [InlineData("no reply to my emails")]
    [InlineData("I waited in all day")]
    [InlineData("It's been a couple of weeks!")]
    [InlineData("been waiting for ages")]
    public void Waiting(string text) => AssertSignal(FeelingSignal.Waiting, text);

    [Theory]
    [InlineData("I have had this laptop for 4 years")]
    [InlineData("it takes 5 minutes to install")]
    [InlineData("I can't log in since yesterday")]
    public void LengthsOfTimeThatAreNoWait(string text) => AssertNo(FeelingSignal.Waiting, text);

    [Theory]
    [InlineData("tried everything, nothing works")]
    [InlineData("I've tried resetting it twice")]
    [InlineData("I called 3 times and emailed twice")]
    [InlineData("restarted, reinstalled, no luck")]
    [InlineData("followed the instructions to no avail")]
    [InlineData("the reset didn't work")]
    [InlineData("I'm in an endless loop of troubleshooting")]
    public void Tried(string text) => AssertSignal(FeelingSignal.Tried, text);

    [Theory]
    [InlineData("thanks for nothing")]
    [InlineData("great job, really")]
    [InlineData("still waiting, thanks a lot")]
    [InlineData("oh great, another delay")]
    [InlineData("yeah right, 'next week'")]
    [InlineData("Cool story. Might want to look into that")]
    [InlineData("well done, you lost my parcel again")]
    public void Sarcasm(string text) => AssertSignal(FeelingSignal.Sarcasm, text);

    [Theory]
    [InlineData("thanks a lot, that fixed it")]
    [InlineData("great job, the new app is lovely")]
    [InlineData("well done to your driver")]
    public void PraiseWithoutAComplaint_IsNotSarcasm(string text) => AssertNo(FeelingSignal.Sarcasm, text);

    [Theory]
    [InlineData("please help, my order hasn't arrived")]
    [InlineData("thanks in advance")]
    [InlineData("Could you check my order? Thank you")]
    [InlineData("pls fix")]
    [InlineData("Kind regards, Dana")]
    public void Politeness(string text) => AssertSignal(FeelingSignal.Politeness, text);

    [Fact]
    public void PlainQuestion_HasNoSignal()
    {
        Assert.Equal(FeelingSignal.None, SignalReader.Read("what time do you open on sundays"));
    }

    private static void AssertSignal(FeelingSignal signal, string text) =>
        Assert.True(SignalReader.Read(text).HasFlag(signal), $"\"{text}\" reads {SignalReader.Read(text)}, without {signal}");

    private static void AssertNo(FeelingSignal signals, string text) =>
        Assert.True((SignalReader.Read(text) & signals) == 0, $"\"{text}\" reads {SignalReader.Read(text)}");
}

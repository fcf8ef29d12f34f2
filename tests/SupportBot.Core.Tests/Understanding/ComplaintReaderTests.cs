using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class ComplaintReaderTests
{
    [Theory]
    [InlineData("my refund STILL hasn't arrived, three weeks!!", "your refund still hasn't arrived, three weeks")]
    [InlineData("Hi, I was charged twice for my order. Please fix it.", "you were charged twice for your order")]
    [InlineData("I think I was charged twice for my last order", "you were charged twice for your last order")]
    [InlineData("pretty sure you charged me twice", "we charged you twice")]
    [InlineData("The screen on my new phone is cracked", "the screen on your new phone is cracked")]
    [InlineData("We never got our parcel!!!", "you never got your parcel")]
    [InlineData("Got faulty iPhone 11 Pro from Amazon. Device is not even charging.", "you got faulty iPhone 11 Pro from Amazon")]
    [InlineData("Been waiting 3 weeks for my refund", "you've been waiting 3 weeks for your refund")]
    [InlineData("THIS IS THE THIRD TIME I AM WRITING. MY REFUND HAS NOT ARRIVED. SORT IT OUT NOW", "your refund has not arrived")]
    [InlineData("my account got hacked please get back to me!", "your account got hacked")]
    [InlineData("Surface Pro keeps crashing", "Surface Pro keeps crashing")]
    [InlineData("ive been charged for a subscription i cancelled in march", "you've been charged for a subscription you cancelled in march")]
    [InlineData("Hello, please could you help? I've been waiting three weeks for my refund", "you've been waiting three weeks for your refund")]
    [InlineData("I ordered a lamp from you on Monday. It arrived smashed and the box was soaked", "it arrived smashed and the box was soaked")]
    [InlineData("MY TV ARRIVED WITH A CRACKED SCREEN AND NOBODY HAS DONE ANYTHING", "your TV arrived with a cracked screen and nobody has done anything")]
    [InlineData("THIS IS RIDICULOUS. YOUR TECHNICIAN NEVER SHOWED UP AND I TOOK THE DAY OFF", "our technician never showed up and you took the day off")]
    [InlineData("yes actually, the app logs me out every day", "the app logs you out every day")]
    [InlineData("hi, I've been a customer for 10 years. My bill doubled this month and nobody can tell me why", "your bill doubled this month and nobody can tell you why")]
    [InlineData("i already reinstalled it twice, do you think im stupid", "you already reinstalled it twice")]
    [InlineData("my app keeps crashing, can you fix it", "your app keeps crashing")]
    [InlineData("the app wont open and the site doesnt load", "the app won't open and the site doesn't load")]
    [InlineData("my tv wont turn on since the update", "your tv won't turn on since the update")]
    [InlineData("Good morning. The lamp I ordered arrived with a cracked base and the shade is dented.", "the lamp you ordered arrived with a cracked base")]
    [InlineData("Good afternoon, my router keeps dropping out", "your router keeps dropping out")]
    public void Mirror_Complaint_FacesTheCustomerInTheirWords(string complaint, string expected)
    {
        Assert.Equal(expected, ComplaintReader.Mirror(complaint));
    }

    [Theory]
    [InlineData("FIX. THE. ROKU. APP. IMMEDIATELY.")]
    [InlineData("please fix the p-dev320 error on Roku.")]
    [InlineData("why is my laptop possessed?")]
    [InlineData("where is my parcel")]
    [InlineData("Cancel my subscription now")]
    [InlineData("hi, all my accounts are basic. Why am I still being charged?")]
    public void Mirror_RequestOrQuestion_SaysNothingBack(string text)
    {
        Assert.Equal(string.Empty, ComplaintReader.Mirror(text));
    }

    [Theory]
    [InlineData("this is ridiculous")]
    [InlineData("that's a joke")]
    [InlineData("absolutely unacceptable")]
    public void Mirror_OnlyVenting_SaysNothingBack(string text) => Assert.Equal(string.Empty, ComplaintReader.Mirror(text));

    [Theory]
    [InlineData("this is the THIRD time my order has gone missing. you people are useless and I'm cancelling my account")]
    [InlineData("you crooks took my money")]
    [InlineData("I'm reporting you to trading standards")]
    public void Mirror_InsultOrThreat_SaysNothingBack(string text)
    {
        Assert.Equal(string.Empty, ComplaintReader.Mirror(text));
    }

    [Theory]
    [InlineData("yes it also gets really hot", "it also gets really hot")]
    [InlineData("Yeah, there is: the courier was rude", "the courier was rude")]
    [InlineData("no but the app logs me out", "the app logs me out")]
    [InlineData("yes", "yes")]
    [InlineData("nobody answered", "nobody answered")]
    public void WithoutLeadingYes_KeepsWhatFollows(string text, string expected)
    {
        Assert.Equal(expected, ComplaintReader.WithoutLeadingYes(text));
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("$120", false)]
    [InlineData("NO!!", true)]
    [InlineData("I already restarted it five times", true)]
    public void CarriesFeeling_PlainReplyHasNone(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.CarriesFeeling(text));
    }

    [Theory]
    [InlineData("it says wrong password", true)]
    [InlineData("since Monday!", false)]
    [InlineData("it says WRONG PASSWORD", false)]
    [InlineData("I called twice and waited on hold for an hour each time", false)]
    public void IsPlainAnswer_ShortAndCalm(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.IsPlainAnswer(text));
    }

    [Fact]
    public void Mirror_LongRant_StaysShort()
    {
        var mirrored = ComplaintReader.Mirror("my order " + string.Join(' ', Enumerable.Repeat("never arrived and", 30)));

        Assert.True(mirrored.Length <= 90, mirrored);
    }

    [Theory]
    [InlineData("no", true)]
    [InlineData("No, that's all.", true)]
    [InlineData("nothing else", true)]
    [InlineData("no thanks!", true)]
    [InlineData("yes, the courier was rude", false)]
    [InlineData("the app keeps logging me out too", false)]
    [InlineData("no that's it", true)]
    [InlineData("No, that is everything", true)]
    [InlineData("No, that's wrong. I want £40 back, not £85.", false)]
    [InlineData("no that's not what I said", false)]
    public void MeansNothingElse_ReplyToAnythingElse(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.MeansNothingElse(text));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("yes thats right", true)]
    [InlineData("ye", true)]
    [InlineData("Yep, looks good, thanks!", true)]
    [InlineData("that's it", true)]
    [InlineData("spot on", true)]
    [InlineData("yes whatever", true)]
    [InlineData("yeah i guess", true)]
    [InlineData("whatever", false)]
    [InlineData("yeah whatever close enough", true)]
    [InlineData("pretty much", true)]
    [InlineData("yes but it was the blue one", false)]
    [InlineData("actually no, just refund me", false)]
    [InlineData("no", false)]
    public void ConfirmsBrief_OnlyWhenNothingChanges(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.ConfirmsBrief(text));
    }

    [Theory]
    [InlineData("Dana", "Dana")]
    [InlineData("i'm dana reyes", "Dana Reyes")]
    [InlineData("My name is SAM.", "Sam")]
    [InlineData("it's O'Neil", "O'Neil")]
    [InlineData("12345", null)]
    public void NameFrom_ReplyToWhatsYourName(string text, string? expected)
    {
        Assert.Equal(expected, ComplaintReader.NameFrom(text));
    }

    [Theory]
    [InlineData("you charged me twice for my subscription", "we charged you twice for your subscription")]
    [InlineData("I told you three times that your app logs me out", "you told us three times that our app logs you out")]
    [InlineData("ur website keeps crashing", "our website keeps crashing")]
    [InlineData("You're ignoring my emails", "we're ignoring your emails")]
    [InlineData("youve charged me twice", "we've charged you twice")]
    [InlineData("u charged me twice", "we charged you twice")]
    [InlineData("you lot charged me twice", "we charged you twice")]
    [InlineData("engineer never turned up for my broadband install", "the engineer never turned up for your broadband install")]
    [InlineData("Parcel still not here after 2 weeks", "the parcel still not here after 2 weeks")]
    [InlineData("yall billed me for a month i cancelled", "we billed you for a month you cancelled")]
    [InlineData("You guys sent me the wrong size", "we sent you the wrong size")]
    [InlineData("I paid you lot 40 quid for nothing", "you paid us 40 quid for nothing")]
    [InlineData("youll fix it when", "we'll fix it when")]
    [InlineData("im locked out and ive tried everything", "you're locked out and you've tried everything")]
    public void Mirror_TheCustomersYouIsTheCompany(string text, string expected)
    {
        Assert.Equal(expected, ComplaintReader.Mirror(text));
    }

    [Theory]
    [InlineData("1", false)]
    [InlineData("yes", false)]
    [InlineData("ok.", false)]
    [InlineData("I already told you", false)]
    [InlineData("as I said, the box was wet", false)]
    [InlineData("the courier was rude", true)]
    [InlineData("refund please", true)]
    public void IsMirrorable_OnlyWhatSaysSomethingOfTheProblem(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.IsMirrorable(text));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah!", true)]
    [InlineData("there is", true)]
    [InlineData("1", false)]
    [InlineData("yes, the courier was rude", false)]
    public void SaysYes_OnlyAPlainYesInWords(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.SaysYes(text));
    }

    [Theory]
    [InlineData("call me on 07700 900123 after 6pm", "07700 900123")]
    [InlineData("+44 7700 900123", "+44 7700 900123")]
    [InlineData("(415) 555-0134 please", "(415) 555-0134")]
    [InlineData("email me: dana.reyes@example.com", "dana.reyes@example.com")]
    [InlineData("5", null)]
    [InlineData("tomorrow morning", null)]
    [InlineData("order 48213", null)]
    public void ContactFrom_OnlyAPhoneNumberOrAnEmailAddress(string text, string? expected)
    {
        Assert.Equal(expected, ComplaintReader.ContactFrom(text));
    }

    [Theory]
    [InlineData("just get me a person", true)]
    [InlineData("none of your business", true)]
    [InlineData("I'll tell them myself", true)]
    [InlineData("no", true)]
    [InlineData("I don't know", true)]
    [InlineData("I already told you", true)]
    [InlineData("hi", true)]
    [InlineData("???", true)]
    [InlineData("refund", false)]
    [InlineData("my refund never came", false)]
    [InlineData("I don't know why my parcel hasn't come", false)]
    public void DeclinesToSay_ReplyToWhatIsItAbout(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.DeclinesToSay(text));
    }

    [Theory]
    [InlineData("the app keeps crashing, I am sick of it", "the app keeps crashing, you are sick of it")]
    [InlineData("you charged me twice for it", "we charged you twice for it")]
    [InlineData("I cancelled my gym membership in March and you STILL took 120 dollars from my account this month", "we still took 120 dollars from your account this month")]
    public void Mirror_WholeClause_KeepsItsLastWords(string text, string expected)
    {
        Assert.Equal(expected, ComplaintReader.Mirror(text));
    }

    [Theory]
    [InlineData("where is my parcel?? ordered 2 weeks ago", true)]
    [InlineData("Why was I charged twice", true)]
    [InlineData("hi, can you tell me where my refund is", true)]
    [InlineData("my parcel never arrived", false)]
    [InlineData("the app keeps crashing!", false)]
    [InlineData("When I rang to chase, the woman on the phone was incredibly rude and basically hung up on me.", false)]
    [InlineData("what I want is my money back", false)]
    [InlineData("when will it arrive", true)]
    [InlineData("when I rang, who did I speak to?", true)]
    public void ReadsAsQuestion_NoStatementToSayBack(string text, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.ReadsAsQuestion(text));
    }

    [Theory]
    [InlineData("also the app keeps logging me out", "the app keeps logging me out")]
    [InlineData("Oh and another thing, the invoice has the wrong address on it", "the invoice has the wrong address on it")]
    [InlineData("plus my parcel from last week never came", "my parcel from last week never came")]
    [InlineData("btw the tracking link doesn't work", "the tracking link doesn't work")]
    [InlineData("last friday", null)]
    [InlineData("also", null)]
    [InlineData("the app also crashes", null)]
    [InlineData("also no idea", null)]
    public void AnotherProblem_OpensWithAlso(string text, string? expected)
    {
        Assert.Equal(expected, ComplaintReader.AnotherProblem(text));
    }

    [Theory]
    [InlineData("My AirPods aren't working and I'm ready to flip the fuck out")]
    [InlineData("da fuck")]
    [InlineData("It's such a joy to see that you STILL ignore supporting a product used by millions...soon to be hundreds of users.")]
    [InlineData("I dropped my pavilion laptop tonight and the screen is black")]
    [InlineData("can you explain why having got my iPhone 11 Pro wet it now doesn't work at all")]
    [InlineData("I keep cancelling subscriptions, why are you still charging me")]
    [InlineData("I purchased a printer for my office")]
    [InlineData("I've tried so many times to reset my Minecraft password it's not even funny smhhh please help")]
    [InlineData("I have an issue with and I need help")]
    public void Mirror_NothingSafeToSayBack_IsEmpty(string complaint)
    {
        Assert.Equal(string.Empty, ComplaintReader.Mirror(complaint, complaint: true));
    }

    [Theory]
    [InlineData("ok my parcel never arrived", "your parcel never arrived")]
    [InlineData("#amazon my parcel never arrived", "your parcel never arrived")]
    [InlineData("They try to sell you protection you didn\u2019t ask for", "they try to sell us protection we didn't ask for")]
    [InlineData("My iPhone won\u2019t find the artist\u2019s music when I select a specific artist\u2019s music to download to my device", "your iPhone won't find the artist's music")]
    [InlineData("I am unable to call the main support line because my phone isn't working", "you are unable to call the main support line")]
    public void Mirror_Complaint_SaysBackAWholeCleanClause(string complaint, string expected)
    {
        Assert.Equal(expected, ComplaintReader.Mirror(complaint, complaint: true));
    }

    [Fact]
    public void Mirror_AnswerToAnythingElse_NeedNotNameAProblemInWords()
    {
        Assert.Equal("the courier left it outside", ComplaintReader.Mirror("the courier left it outside"));
    }

    [Fact]
    public void SayBack_AThingsName_TurnedToFaceThemEvenWhenShort()
    {
        Assert.Equal("your lamp", ComplaintReader.SayBack("my lamp"));
    }

    [Theory]
    [InlineData("the box was crushed and the lamp inside is smashed", true)]
    [InlineData("my new kettle arrived with a cracked base, leaking everywhere", true)]
    [InlineData("The blender I ordered arrived smashed, glass jug in pieces", true)]
    [InlineData("it came with the wrong charger", true)]
    [InlineData("my laptop screen cracked after a week", false)]
    [InlineData("the app keeps crashing", false)]
    public void ArrivedDamaged_NothingToHaveTried(string complaint, bool expected)
    {
        Assert.Equal(expected, ComplaintReader.ArrivedDamaged(complaint));
    }
}

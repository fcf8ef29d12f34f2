using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class SlotReaderTests
{
    /// <summary>Wednesday 20 March 2024, noon UTC.</summary>
    private static readonly DateTimeOffset Now = new(2024, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("order_number", "it's order #48213", "48213")]
    [InlineData("order_number", "order number AB-99812", "AB-99812")]
    [InlineData("order_number", "the lamp, order 4471-2231, it came on Monday", "4471-2231")]
    [InlineData("order_number", "the parcel never came", null)]
    [InlineData("order_number", "7709", "7709")]
    [InlineData("order_number", "its 7709", "7709")]
    [InlineData("order_number", "2023", null)]
    [InlineData("order_number", "770", null)]
    [InlineData("order_number", "I waited 3 weeks and paid £89", null)]
    [InlineData("when", "I ordered it three weeks ago", "three weeks ago")]
    [InlineData("when", "last Tuesday", "last Tuesday")]
    [InlineData("when", "the lamp, order 4471-2231, it came on Monday", "on Monday")]
    [InlineData("when", "the box was crushed", null)]
    [InlineData("tried", "I already called twice", "I already called twice")]
    [InlineData("tried", "it's broken", null)]
    [InlineData("tried", "an engineer was booked between 8 and 1. Nobody came and nobody called.", null)]
    [InlineData("tried", "the courier never called", null)]
    [InlineData("tried", "since Sunday. I turned the television off and on at the wall", "since Sunday. I turned the television off and on at the wall")]
    [InlineData("tried", "power cycled the router twice", "power cycled the router twice")]
    [InlineData("amount", "they charged me $42.50", "$42.50")]
    [InlineData("amount", "it cost 80 euros", "€80.00")]
    [InlineData("amount", "the lamp cost £89 and a £12 delivery charge on top", "£89.00")]
    [InlineData("amount", "you charged me a £5 late fee", "£5.00")]
    [InlineData("amount", "charged twice", null)]
    [InlineData("account", "it's dana@example.com", "dana@example.com")]
    [InlineData("account", "im locked out of my account, email is j***@hotmail.co.uk and the reset emails never arrive", "j***@hotmail.co.uk")]
    [InlineData("amount", "you charged me £42 instead of £30", "£12.00 overcharged")]
    [InlineData("account", "my username is dana_r88", "dana_r88")]
    [InlineData("account", "dana88", "dana88")]
    [InlineData("account", "i cant log in", null)]
    [InlineData("product", "the lamp, order 4471-2231, it came on Monday", "lamp")]
    [InlineData("product", "the box was crushed and the lamp inside is smashed", "lamp")]
    [InlineData("product", "my new desk lamp arrived broken", "desk lamp")]
    [InlineData("product", "the app keeps crashing", null)]
    [InlineData("product", "Samsung 55 inch", "Samsung 55 inch")]
    [InlineData("product", "it's a Hisense 50A6K.", "Hisense 50A6K")]
    [InlineData("product", "a 55 inch one", null)]
    [InlineData("product", "Order 48213", null)]
    [InlineData("product", "Monday 5th", null)]
    [InlineData("product", "Sorry 3 weeks ago", null)]
    [InlineData("device", "the Roku app keeps crashing on my TV", "Roku app")]
    [InlineData("device", "iphone 15 pro, ios 17.4", "iPhone 15 pro")]
    [InlineData("device", "interent down again since yesterday cant work from home", "internet")]
    [InlineData("device", "my internt keeps dropping", "internet")]
    [InlineData("device", "it's the Tesco app, version 3.2.1", "Tesco app 3.2.1")]
    [InlineData("symptom", "it crashes when I open it", "it crashes when I open it")]
    [InlineData("symptom", "it's the fibre router, the lights go red", "it's the fibre router, the lights go red")]
    [InlineData("symptom", "my internet keeps dropping every evening", "my internet keeps dropping every evening")]
    [InlineData("symptom", "it just cuts out mid call", "it just cuts out mid call")]
    [InlineData("symptom", "no lights on the router", "no lights on the router")]
    [InlineData("symptom", "why does your app keep logging me out every 5 minutes", "why does your app keep logging me out every 5 minutes")]
    [InlineData("symptom", "the game kicked me off twice tonight", "the game kicked me off twice tonight")]
    [InlineData("symptom", "no internet", "no internet")]
    [InlineData("symptom", "I restarted it twice", null)]
    [InlineData("tried", "THIS IS THE THIRD TIME IM CONTACTING YOU", "THIS IS THE THIRD TIME IM CONTACTING YOU")]
    [InlineData("tried", "second time I've asked about this", "second time I've asked about this")]
    [InlineData("amount", "you took 49.99 from my card twice", "£49.99")]
    [InlineData("purchase", "it's my monthly subscription", "it's my monthly subscription")]
    [InlineData("purchase", "a preorder game", "a preorder game")]
    [InlineData("purchase", "I cancelled and you still charged me for another month", "I cancelled and you still charged me for another month")]
    [InlineData("purchase", "€15 a month, paid on the 1st", "€15 a month, paid on the 1st")]
    public void Read_AnswerGiven_GivesTheSlotsValue(string question, string text, string? expected)
    {
        Assert.Equal(expected, SlotReader.Read(question, text, Now, "GBP")?.Value);
    }

    [Fact]
    public void Read_OneAnswer_FillsEverySlotItHolds()
    {
        const string answer = "the lamp, order 4471-2231, it came on Monday";

        var slots = new[] { "product", "order_number", "when", "tried", "amount" }.ToDictionary(q => q, q => SlotReader.Read(q, answer, Now, "GBP")?.Value);

        Assert.Equal("lamp", slots["product"]);
        Assert.Equal("4471-2231", slots["order_number"]);
        Assert.Equal("on Monday", slots["when"]);
        Assert.Null(slots["tried"]);
        Assert.Null(slots["amount"]);
    }

    [Theory]
    [InlineData("the box was crushed and the Nordlys inside is smashed", "Nordlys", "the Nordlys")]
    [InlineData("my Hemnes arrived in pieces", "Hemnes", "my Hemnes")]
    [InlineData("the box was crushed", null, null)]
    [InlineData("My parcel never arrived and nobody answers my emails.", null, null)]
    public void ReadLoosely_ThingNamedAfterTheOrMy_CountsAsTheProduct(string text, string? value, string? words)
    {
        var found = SlotReader.ReadLoosely("product", text, Now, "GBP");

        Assert.Equal(value, found?.Value);
        Assert.Equal(words, found?.Words);
    }

    [Fact]
    public void ReadLoosely_WhatHappens_IsWhatTheyWroteOfTheProblem()
    {
        Assert.Null(SlotReader.Read("symptom", "the app is rubbish", Now, "GBP"));
        Assert.Equal("the app is rubbish", SlotReader.ReadLoosely("symptom", "the app is rubbish", Now, "GBP")?.Value);
    }

    [Fact]
    public void Read_Amount_KeepsTheWordsItWasWrittenIn()
    {
        var amount = SlotReader.Read("amount", "it was 89 pounds", Now, "USD");

        Assert.Equal("£89.00", amount?.Value);
        Assert.Equal("89 pounds", amount?.Words);
    }

    [Theory]
    [InlineData("when", "a week or so", true)]
    [InlineData("when", "every evening", true)]
    [InlineData("when", "my internet keeps dropping", false)]
    [InlineData("when", "???", false)]
    [InlineData("account", "it's my gmail", true)]
    [InlineData("account", "why do you need that", false)]
    [InlineData("amount", "it's the monthly plan", false)]
    [InlineData("amount", "about 40 quid", true)]
    [InlineData("order_number", "the 3rd", false)]
    [InlineData("tried", "nothing yet", true)]
    [InlineData("symptom", "hello??", false)]
    [InlineData("device", "need help", false)]
    [InlineData("symptom", "is anyone actually reading this", false)]
    [InlineData("device", "the router", true)]
    [InlineData("when", "32.50", false)]
    [InlineData("when", "it was 89.50", false)]
    public void Fits_ReplyToQuestion_CouldAnswerIt(string question, string text, bool expected)
    {
        Assert.Equal(expected, SlotReader.Fits(question, text, Now, "GBP"));
    }

    [Theory]
    [InlineData("hi, i want to change the email on my account to my new work one", true)]
    [InlineData("can you update my phone number please", true)]
    [InlineData("I need to change my username", true)]
    [InlineData("i can't log in so i want to change my email", false)]
    [InlineData("someone hacked me and changed my email", false)]
    [InlineData("my password reset email never arrives", false)]
    public void OnlyChangesDetails_ARequestToChangeDetails(string text, bool expected) => Assert.Equal(expected, SlotReader.OnlyChangesDetails(text));

    [Theory]
    [InlineData("tried", "last week", true)]
    [InlineData("product", "Last week", true)]
    [InlineData("tried", "since monday", true)]
    [InlineData("tried", "I rang you last week", false)]
    [InlineData("product", "the lamp, last week", false)]
    [InlineData("tried", "nothing yet", false)]
    public void OnlyTime_ATimeWhereSomethingElseWasAsked(string question, string answer, bool expected)
    {
        Assert.Equal(expected, SlotReader.OnlyTime(question, answer, Now, "GBP"));
    }

    [Theory]
    [InlineData("o.reilly@gmail.com. I cant log in and theres a payment i dont recognise", "o.reilly@gmail.com", "I cant log in and theres a payment i dont recognise")]
    [InlineData("it's 48213 and the tracking hasn't moved in a week", "48213", "the tracking hasn't moved in a week")]
    [InlineData("o.reilly@gmail.com thanks", "o.reilly@gmail.com", null)]
    [InlineData("48213, why do you need it?", "48213", null)]
    [InlineData("48213 this is ridiculous", "48213", null)]
    public void Beyond_TheProblemToldBesideTheAnswer(string answer, string value, string? expected)
    {
        Assert.Equal(expected, SlotReader.Beyond(answer, value));
    }

    [Theory]
    [InlineData("i already restarted the router like 10 times this is a joke", "restarted the router like 10 times")]
    [InlineData("I ALREADY ASKED. Rang you twice!!", "ASKED; Rang you twice")]
    [InlineData("tried?? cleared the cache, reinstalled", "cleared the cache, reinstalled")]
    [InlineData("I've called three times", "called three times")]
    [InlineData("I already called twice", "called twice")]
    [InlineData("this is ridiculous", "this is ridiculous")]
    [InlineData("the engineer came twice", "the engineer came twice")]
    [InlineData("tried?? what am i supposed to try, its YOUR van. tracking says out for delivery since thursday", "tracking says out for delivery since thursday")]
    public void WhatWasDone_VentingAndIAlready_LeftOut(string text, string expected) => Assert.Equal(expected, SlotReader.WhatWasDone(text));
}

using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class DateReaderTests
{
    /// <summary>Wednesday 20 March 2024, mid-afternoon in London.</summary>
    private static readonly DateTimeOffset Now = new(2024, 3, 20, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("it arrived yesterday", "yesterday", "2024-03-19")]
    [InlineData("I ordered it today", "today", "2024-03-20")]
    [InlineData("it happened this morning", "this morning", "2024-03-20")]
    [InlineData("last night the app crashed", "last night", "2024-03-19")]
    [InlineData("the day before yesterday", "the day before yesterday", "2024-03-18")]
    [InlineData("it happened on the 3rd", "on the 3rd", "2024-03-03")]
    [InlineData("on the 25th it was fine", "on the 25th", "2024-02-25")]
    [InlineData("I ordered on 3rd of March", "3rd of March", "2024-03-03")]
    [InlineData("delivered March 3", "March 3", "2024-03-03")]
    [InlineData("ordered on 3 Mar", "3 Mar", "2024-03-03")]
    [InlineData("on 12 December it broke", "12 December", "2023-12-12")]
    [InlineData("on the 1st of April 2023", "the 1st of April 2023", "2023-04-01")]
    [InlineData("on 03/03", "03/03", "2024-03-03")]
    [InlineData("paid 14/02/2024", "14/02/2024", "2024-02-14")]
    [InlineData("it was 2024-03-01", "2024-03-01", "2024-03-01")]
    [InlineData("on 1.3.2024", "1.3.2024", "2024-03-01")]
    [InlineData("two weeks ago", "two weeks ago", "2024-03-06")]
    [InlineData("I ordered 3 days ago", "3 days ago", "2024-03-17")]
    [InlineData("a month ago", "a month ago", "2024-02-20")]
    [InlineData("last Monday", "last Monday", "2024-03-18")]
    [InlineData("it arrived on Tuesday", "on Tuesday", "2024-03-19")]
    [InlineData("Wednesday", "Wednesday", "2024-03-13")]
    [InlineData("Friday", "Friday", "2024-03-15")]
    [InlineData("can you call me tomorrow", "tomorrow", "2024-03-21")]
    [InlineData("next Monday", "next Monday", "2024-03-25")]
    public void Read_Day_ResolvesAgainstNow(string text, string span, string expected)
    {
        var mention = Assert.Single(DateReader.Read(text, Now));

        Assert.Equal(DateMentionKind.Day, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Equal(span, text.Substring(mention.Start, mention.Length));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), mention.From);
        Assert.Equal(mention.From, mention.To);
    }

    [Theory]
    [InlineData("since Friday", "2024-03-15")]
    [InlineData("it's been broken since the 3rd", "2024-03-03")]
    [InlineData("since last week", "2024-03-11")]
    [InlineData("since yesterday", "2024-03-19")]
    [InlineData("waiting since 5th March", "2024-03-05")]
    [InlineData("nothing since March", "2024-03-01")]
    public void Read_Since_RunsFromThatDayToToday(string text, string from)
    {
        var mention = Assert.Single(DateReader.Read(text, Now));

        Assert.Equal(DateMentionKind.Since, mention.Kind);
        Assert.StartsWith("since", mention.Text, StringComparison.Ordinal);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), mention.From);
        Assert.Equal(new DateOnly(2024, 3, 20), mention.To);
    }

    [Theory]
    [InlineData("last week", "2024-03-11", "2024-03-17")]
    [InlineData("earlier this week", "2024-03-18", "2024-03-20")]
    [InlineData("last month", "2024-02-01", "2024-02-29")]
    [InlineData("in March", "2024-03-01", "2024-03-31")]
    [InlineData("in November", "2023-11-01", "2023-11-30")]
    [InlineData("last weekend", "2024-03-16", "2024-03-17")]
    public void Read_Period_IsRange(string text, string from, string to)
    {
        var mention = Assert.Single(DateReader.Read(text, Now));

        Assert.Equal(DateMentionKind.Range, mention.Kind);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), mention.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), mention.To);
    }

    [Theory]
    [InlineData("it's been broken for 3 days", "for 3 days", 3)]
    [InlineData("I've waited two weeks", "two weeks", 14)]
    [InlineData("for a week now", "for a week", 7)]
    [InlineData("over a month", "over a month", 30)]
    [InlineData("for the past 10 days", "for the past 10 days", 10)]
    public void Read_Duration_HasLengthNoDate(string text, string span, int days)
    {
        var mention = Assert.Single(DateReader.Read(text, Now));

        Assert.Equal(DateMentionKind.Duration, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Equal(TimeSpan.FromDays(days), mention.Duration);
        Assert.Null(mention.From);
    }

    [Fact]
    public void Read_FewDaysAgo_IsApproximate()
    {
        var mention = Assert.Single(DateReader.Read("a few days ago", Now));

        Assert.True(mention.Approximate);
        Assert.Equal(new DateOnly(2024, 3, 17), mention.From);
    }

    [Fact]
    public void Read_MonthFirst_ReadsAmericanOrder()
    {
        var mention = Assert.Single(DateReader.Read("on 03/04", Now, monthFirst: true));

        Assert.Equal(new DateOnly(2024, 3, 4), mention.From);
    }

    [Fact]
    public void Read_DayAfterTwelve_IsDayWhateverTheOrder()
    {
        var mention = Assert.Single(DateReader.Read("on 03/14", Now));

        Assert.Equal(new DateOnly(2024, 3, 14), mention.From);
    }

    [Fact]
    public void Read_MidnightOffset_UsesCustomersOwnDate()
    {
        var justAfterMidnightInSydney = new DateTimeOffset(2024, 3, 21, 0, 30, 0, TimeSpan.FromHours(11));

        var mention = Assert.Single(DateReader.Read("yesterday", justAfterMidnightInSydney));

        Assert.Equal(new DateOnly(2024, 3, 20), mention.From);
    }

    [Theory]
    [InlineData("order 48213")]
    [InlineData("it cost £12.99")]
    [InlineData("the app is on version 3.2.1")]
    [InlineData("it may be lost")]
    [InlineData("this is the 3rd time I've asked")]
    [InlineData("we're open 24/7 apparently")]
    [InlineData("I rate it 5")]
    [InlineData("my iPhone 15")]
    [InlineData("")]
    public void Read_NoTime_FindsNothing(string text)
    {
        Assert.Empty(DateReader.Read(text, Now));
    }

    [Fact]
    public void ReadFirstDate_SkipsDurations()
    {
        var mention = DateReader.ReadFirstDate("broken for 3 days, since Friday", Now);

        Assert.NotNull(mention);
        Assert.Equal(new DateOnly(2024, 3, 15), mention.From);
    }

    [Theory]
    [InlineData("it came yday", "yday", "2024-03-19")]
    [InlineData("happened yesterdy", "yesterdy", "2024-03-19")]
    [InlineData("since last mon", "since last mon", "2024-03-18")]
    [InlineData("3days ago", "3days ago", "2024-03-17")]
    [InlineData("like 2 wks ago", "2 wks ago", "2024-03-06")]
    [InlineData("a couple days ago", "a couple days ago", "2024-03-18")]
    [InlineData("a few days back", "a few days back", "2024-03-17")]
    [InlineData("was due tues", "tues", "2024-03-19")]
    [InlineData("it arrived on tues", "on tues", "2024-03-19")]
    [InlineData("last nite it crashed", "last nite", "2024-03-19")]
    [InlineData("the other day", "the other day", "2024-03-17")]
    public void Read_RealWorldSpellings_ResolveAgainstNow(string text, string span, string expected)
    {
        var mention = DateReader.Read(text, Now)[0];

        Assert.Equal(span, mention.Text);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), mention.From);
    }

    [Theory]
    [InlineData("it's been broken since the update on the 12th", "since the update on the 12th", "2024-03-12")]
    [InlineData("crashing since the latest update, on the 12th", "since the latest update, on the 12th", "2024-03-12")]
    [InlineData("since Friday's update", "since Friday", "2024-03-15")]
    public void Read_SinceAnEventOnADay_RunsFromThatDay(string text, string span, string from)
    {
        var mention = DateReader.Read(text, Now)[0];

        Assert.Equal(DateMentionKind.Since, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), mention.From);
        Assert.Equal(new DateOnly(2024, 3, 20), mention.To);
    }

    [Theory]
    [InlineData("it keeps crashing since the update", "since the update")]
    [InlineData("been like this ever since the last update", "since the last update")]
    [InlineData("not working since the outage", "since the outage")]
    public void Read_SinceAnEventWithNoDay_IsSinceWithoutADate(string text, string span)
    {
        var mention = Assert.Single(DateReader.Read(text, Now));

        Assert.Equal(DateMentionKind.Since, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Null(mention.From);
    }
}

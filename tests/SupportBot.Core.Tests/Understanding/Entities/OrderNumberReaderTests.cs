using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class OrderNumberReaderTests
{
    [Theory]
    [InlineData("order 48213", "48213")]
    [InlineData("my order number is 48213, it never came", "48213")]
    [InlineData("Order no. 48213", "48213")]
    [InlineData("order #A-99812 arrived broken", "A-99812")]
    [InlineData("it's #48213", "48213")]
    [InlineData("ref: 7Q2LX9", "7Q2LX9")]
    [InlineData("Reference 7q2lx9 please", "7Q2LX9")]
    [InlineData("booking ref ABC123", "ABC123")]
    [InlineData("order id: 1234", "1234")]
    [InlineData("invoice INV-2024-0042", "INV-2024-0042")]
    [InlineData("order 48 213", "48213")]
    public void Read_LabelledNumber_IsNormalized(string text, string expected)
    {
        var order = Assert.Single(OrderNumberReader.Read(text));

        Assert.Equal(expected, order.Value);
        Assert.True(order.Labelled);
    }

    [Theory]
    [InlineData("AB-99812 came broken", "AB-99812")]
    [InlineData("112-4456789-1234567", "112-4456789-1234567")]
    [InlineData("it was 112-4456789-1234567 on amazon", "112-4456789-1234567")]
    [InlineData("it's ORD123456", "ORD123456")]
    [InlineData("48213", "48213")]
    [InlineData("it's 48213.", "48213")]
    [InlineData("7Q2LX9", "7Q2LX9")]
    [InlineData("sure, A-99812", "A-99812")]
    [InlineData("I think 482139 but not sure", "482139")]
    [InlineData("its 55102-884 and it was supposed to come LAST TUESDAY", "55102-884")]
    public void Read_ShapedLikeAnOrderNumber_IsFound(string text, string expected)
    {
        var order = Assert.Single(OrderNumberReader.Read(text));

        Assert.Equal(expected, order.Value);
        Assert.False(order.Labelled);
    }

    [Theory]
    [InlineData("I don't know, it's somewhere in my email")]
    [InlineData("it happened on the 3rd")]
    [InlineData("the 3rd")]
    [InlineData("5")]
    [InlineData("2 times")]
    [InlineData("they charged me 2 times")]
    [InlineData("my iPhone 15 is dead")]
    [InlineData("iPhone15")]
    [InlineData("call me on +44 7700 900123")]
    [InlineData("07700900123")]
    [InlineData("07700-900123")]
    [InlineData("(415) 555-0134")]
    [InlineData("on 03/03/2024")]
    [InlineData("2024-03-03")]
    [InlineData("it cost £48213")]
    [InlineData("it cost 12.99")]
    [InlineData("USD 45000")]
    [InlineData("I ordered it in 2024")]
    [InlineData("2024")]
    [InlineData("my order never arrived")]
    [InlineData("order of 3 lamps")]
    [InlineData("version 3.2.1")]
    [InlineData("10000 pounds")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void Read_NotAnOrderNumber_FindsNothing(string text)
    {
        Assert.Empty(OrderNumberReader.Read(text));
    }

    [Fact]
    public void ReadFirst_LabelledAndShaped_PrefersLabelled()
    {
        var order = OrderNumberReader.ReadFirst("AB-12345 was the old one, sorry I meant order 48213");

        Assert.NotNull(order);
        Assert.Equal("48213", order.Value);
    }

    [Fact]
    public void Read_Span_PointsAtTheNumber()
    {
        const string text = "my order number is 48213";

        var order = Assert.Single(OrderNumberReader.Read(text));

        Assert.Equal("48213", text.Substring(order.Start, order.Length));
    }

    [Theory]
    [InlineData("uhh 4 4 8 2 9 1 0", "4482910")]
    [InlineData("its 5 5 1 2 0", "55120")]
    public void Read_DigitsSpelledOut_AreOneNumber(string text, string expected) => Assert.Equal(expected, OrderNumberReader.ReadFirst(text)?.Value);

    [Theory]
    [InlineData("1 2 3")]
    [InlineData("rated it 5 out of 10")]
    public void Read_FewSpacedDigits_AreNone(string text) => Assert.Null(OrderNumberReader.ReadFirst(text));
}

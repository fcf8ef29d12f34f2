using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class ContactReaderTests
{
    [Theory]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("call me on +447700900123 after 5", "+447700900123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("(415) 555-0134", "4155550134")]
    [InlineData("415-555-0134", "4155550134")]
    [InlineData("415.555.0134", "4155550134")]
    [InlineData("07700900123", "07700900123")]
    [InlineData("07700 900 123", "07700900123")]
    [InlineData("020 7946 0018", "02079460018")]
    [InlineData("+1 (415) 555-0134", "+14155550134")]
    [InlineData("1-800-555-0199", "18005550199")]
    [InlineData("my number's 07700-900-123 ta", "07700900123")]
    public void Read_PhoneNumber_IsNormalized(string text, string expected)
    {
        var contact = Assert.Single(ContactReader.Read(text));

        Assert.Equal(ContactKind.Phone, contact.Kind);
        Assert.Equal(expected, contact.Value);
    }

    [Theory]
    [InlineData("dana@example.com", "dana@example.com")]
    [InlineData("email me at Dana.Reyes+support@Mail.Example.CO.UK please", "Dana.Reyes+support@mail.example.co.uk")]
    [InlineData("it's d_reyes99@example.org.", "d_reyes99@example.org")]
    public void Read_Email_KeepsLocalPartLowersDomain(string text, string expected)
    {
        var contact = Assert.Single(ContactReader.Read(text));

        Assert.Equal(ContactKind.Email, contact.Kind);
        Assert.Equal(expected, contact.Value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("tomorrow")]
    [InlineData("call me tomorrow at 5")]
    [InlineData("order 48213")]
    [InlineData("£1,200.50")]
    [InlineData("on 03/03/2024")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("555-0134")]
    [InlineData("just ring me")]
    [InlineData("dana at example dot com")]
    [InlineData("")]
    public void Read_NotAContact_FindsNothing(string text)
    {
        Assert.Empty(ContactReader.Read(text));
    }

    [Fact]
    public void Read_EmailAndPhone_BothInOrder()
    {
        var contacts = ContactReader.Read("dana@example.com or 07700 900123");

        Assert.Collection(contacts,
            c => Assert.Equal(ContactKind.Email, c.Kind),
            c => Assert.Equal("07700900123", c.Value));
    }
}

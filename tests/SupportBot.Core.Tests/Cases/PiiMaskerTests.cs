using SupportBot.Core.Cases;

namespace SupportBot.Core.Tests.Cases;

public sealed class PiiMaskerTests
{
    [Theory]
    [InlineData("my card 4111 1111 1111 1111 was charged", "my card [card ending 1111] was charged")]
    [InlineData("card 5500-0000-0000-0004, cvv 123", "card [card ending 0004], cvv [hidden]")]
    [InlineData("write to dana.reyes@example.com", "write to d***@example.com")]
    [InlineData("order 48213 arrived broken", "order 48213 arrived broken")]
    [InlineData("Order # 40256780019417115 is faulty", "Order # 40256780019417115 is faulty")]
    [InlineData("it's 112-4456789-1234567", "it's 112-4456789-1234567")]
    [InlineData("the order number is 4111 1111 1111 1111", "the order number is 4111 1111 1111 1111")]
    public void Mask_HidesCardsCodesAndEmails(string text, string expected)
    {
        Assert.Equal(expected, PiiMasker.Mask(text));
    }
}

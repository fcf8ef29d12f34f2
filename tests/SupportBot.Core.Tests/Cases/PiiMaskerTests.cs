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
    [InlineData("card 4111.1111.1111.1111 declined", "card [card ending 1111] declined")]
    [InlineData("card 4111  1111 1111 1111 declined", "card [card ending 1111] declined")]
    [InlineData("it was 4111111111111111.", "it was [card ending 1111].")]
    [InlineData("amex 3782 822463 10005 please", "amex [card ending 0005] please")]
    [InlineData("4111/1111/1111/1111", "[card ending 1111]")]
    [InlineData("CVV: 123", "CVV: [hidden]")]
    [InlineData("the CVC is 987", "the CVC is [hidden]")]
    [InlineData("my pin number is 4821", "my pin number is [hidden]")]
    [InlineData("PIN 0000 doesn't work", "PIN [hidden] doesn't work")]
    [InlineData("send it to GB82 WEST 1234 5698 7654 32", "send it to [IBAN ending 5432]")]
    [InlineData("iban de89370400440532013000 thanks", "iban [IBAN ending 3000] thanks")]
    [InlineData("GB82 WEST 1234 5698 7654 33 is not one", "GB82 WEST 1234 5698 7654 33 is not one")]
    [InlineData("it arrived on 2024-05-02 at 10:15", "it arrived on 2024-05-02 at 10:15")]
    [InlineData("I paid $1,249.99 for it", "I paid $1,249.99 for it")]
    public void Mask_HidesCardsCodesAndEmails(string text, string expected)
    {
        Assert.Equal(expected, PiiMasker.Mask(text));
    }

    [Theory]
    [InlineData("call me on 07700 900123 tonight", "call me on [phone ending 0123] tonight")]
    [InlineData("my number is +44 20 7946 0958", "my number is [phone ending 0958]")]
    [InlineData("(555) 010-4477 is my cell", "[phone ending 4477] is my cell")]
    [InlineData("order 48213 came on 2024-05-02", "order 48213 came on 2024-05-02")]
    [InlineData("order number 1124456789 is wrong", "order number 1124456789 is wrong")]
    public void MaskForBrief_AlsoHidesPhoneNumbers(string text, string expected)
    {
        Assert.Equal(expected, PiiMasker.MaskForBrief(text));
    }

    [Fact]
    public void MaskPayment_LeavesContactsWhole_ForACallBack()
    {
        Assert.Equal("email dana.reyes@example.com or 07700 900123", PiiMasker.MaskPayment("email dana.reyes@example.com or 07700 900123"));
    }
}

using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class SeriousMatterReaderTests
{
    [Theory]
    [InlineData("it says account locked. i think someone got into it, there are orders i didnt make for like 300 euros")]
    [InlineData("my account was hacked and someone placed orders worth £300 on my card... unauthorised payments everywhere")]
    [InlineData("there are 3 charges I never authorised... actually transactions i did not make")]
    [InlineData("SOMEONE IS IN MY ACCOUNT RIGHT NOW changing my password. HELP")]
    [InlineData("somebody's logged into my email and i cant get in")]
    [InlineData("the heater you sent sparks when I switch it on")]
    [InlineData("the charger melted and there was a burning smell")]
    [InlineData("my daughter nearly cut herself on the broken glass")]
    [InlineData("I have two small kids and no hot water")]
    [InlineData("the kettle caught fire!!")]
    [InlineData("HELLO? someone in germany logged in to my account, thats not me")]
    [InlineData("got an email about a sign in from russia and it wasn't me")]
    [InlineData("someone has my card details, they might be buying stuff on my card RIGHT NOW")]
    [InlineData("I think my card was cloned after I paid on your site")]
    [InlineData("I received an email from you that my email address has changed. And now my credit card information may have been jeopardized")]
    [InlineData("got a message my password was changed but i didnt do it")]
    [InlineData("my email address has been changed without my permission")]
    [InlineData("are my bank details compromised?? your site was breached")]
    public void IsSerious_FraudOrDanger_True(string text)
    {
        Assert.True(SeriousMatterReader.IsSerious(text));
    }

    [Theory]
    [InlineData("you charged me twice for my order")]
    [InlineData("my account got locked after I changed my password")]
    [InlineData("the lamp arrived smashed")]
    [InlineData("no hot water since monday, the boiler is broken")]
    [InlineData("my laptop gets hot when I play games")]
    [InlineData("I didn't make it home in time for the delivery")]
    [InlineData("I logged in fine on my laptop but not on my phone")]
    [InlineData("it keeps signing me out, is that normal?")]
    [InlineData("I changed my email address and now I can't sign in")]
    [InlineData("my password was changed by the reset link but it still says wrong password")]
    [InlineData("how do I update my card details?")]
    [InlineData("I didn't change my password but it says it's wrong")]
    [InlineData("")]
    public void IsSerious_EverydayProblem_False(string text)
    {
        Assert.False(SeriousMatterReader.IsSerious(text));
    }
}

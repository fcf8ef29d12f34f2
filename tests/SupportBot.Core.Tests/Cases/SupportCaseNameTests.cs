using SupportBot.Core.Cases;

namespace SupportBot.Core.Tests.Cases;

public sealed class SupportCaseNameTests
{
    [Theory]
    [InlineData("priya", "Priya", "Priya")]
    [InlineData("  gary  smith ", "Gary Smith", "Gary")]
    [InlineData("Dana de Vries", "Dana de Vries", "Dana")]
    [InlineData("McKenzie", "McKenzie", "McKenzie")]
    public void Name_TypedInLowerCase_IsCapitalized_ElseKeptAsWritten(string typed, string fullName, string firstName)
    {
        var supportCase = new SupportCase();

        supportCase.Name(typed);

        Assert.Equal(fullName, supportCase.FullName);
        Assert.Equal(firstName, supportCase.FirstName);
    }

    [Fact]
    public void Name_Blank_IsNone()
    {
        var supportCase = new SupportCase();

        supportCase.Name("   ");

        Assert.Null(supportCase.FullName);
        Assert.Null(supportCase.FirstName);
    }
}

using SupportBot.Web.Agents;

namespace SupportBot.Web.Tests.Agents;

public sealed class HandoffOptionsTests
{
    [Theory]
    [InlineData("Mon-Fri 08:00-18:00", "Europe/Berlin", "Monday to Friday, 08:00 to 18:00 (Europe/Berlin time)")]
    [InlineData("sat 10:00-16:00", "UTC", "on Saturdays, 10:00 to 16:00 (UTC time)")]
    [InlineData("always", "UTC", null)]
    [InlineData("", "UTC", null)]
    [InlineData("weekdays nine to five", "UTC", null)]
    public void HoursInWords_SetHours_ReadForTheCustomer(string hours, string timeZone, string? expected)
    {
        var options = new HandoffOptions { Hours = hours, TimeZone = timeZone };

        Assert.Equal(expected, options.HoursInWords());
    }

    [Fact]
    public void WhyNobodyIsFree_OutsideHours_SaysTheHoursInWords()
    {
        var options = new HandoffOptions { Hours = "Mon-Fri 08:00-18:00", TimeZone = "UTC" };

        var why = options.WhyNobodyIsFree(new DateTimeOffset(2024, 6, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal("our team is here Monday to Friday, 08:00 to 18:00 (UTC time) and is away just now", why);
    }
}

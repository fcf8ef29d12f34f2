namespace SupportBot.Core.Support;

/// <summary>What is remembered about a customer across conversations.</summary>
public sealed class UserProfile
{
    public string? Name { get; set; }

    public int Cases { get; set; }
}

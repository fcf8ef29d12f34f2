namespace SupportBot.Core.Cases;

/// <summary>What is remembered about a customer across conversations (user state).</summary>
public sealed class UserProfile
{
    public string? Name { get; set; }

    /// <summary>The customer's tier (standard, gold, platinum); remedies' approval rules may depend on it.</summary>
    public string Tier { get; set; } = "standard";

    /// <summary>How many remedies the customer has been granted; approval rules may cap it.</summary>
    public int RemediesGranted { get; set; }

    public int Cases { get; set; }

    /// <summary>A case of theirs still with a colleague, to remind them of when they come back.</summary>
    public OpenCase? OpenCase { get; set; }
}

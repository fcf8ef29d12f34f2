namespace SupportBot.Core.Understanding.Entities;

/// <summary>What a customer offers instead of what was asked ("no order, it's the monthly plan").</summary>
public enum AlternativeKind
{
    /// <summary>A subscription, plan or membership rather than an order.</summary>
    Subscription,

    /// <summary>A gift someone else bought.</summary>
    Gift,

    /// <summary>Bought in a shop, in person.</summary>
    InStore,

    /// <summary>Bought through another seller ("on Amazon").</summary>
    ThirdParty,

    /// <summary>Their account rather than an order ("it's on my account").</summary>
    Account,
}

namespace SupportBot.Core.Understanding.Entities;

/// <summary>How a colleague can reach a customer.</summary>
public enum ContactKind
{
    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A telephone number.</summary>
    Phone,
}

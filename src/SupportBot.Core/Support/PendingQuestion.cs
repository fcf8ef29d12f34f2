namespace SupportBot.Core.Support;

/// <summary>The clarifying question <see cref="ClarifyDialog"/> is waiting on, kept in its step state.</summary>
internal sealed class PendingQuestion
{
    public string? Id { get; set; }

    /// <summary>True once the question was asked again because the answer did not fit it.</summary>
    public bool AskedAgain { get; set; }

    /// <summary>True once the customer was told why the question is asked.</summary>
    public bool Explained { get; set; }
}

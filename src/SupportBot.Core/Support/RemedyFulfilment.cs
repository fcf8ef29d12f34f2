namespace SupportBot.Core.Support;

/// <summary>
/// How a remedy is carried out (<c>fulfil</c> in <c>remedies.yaml</c>): by the business's system through the webhook
/// <see cref="Webhook"/> names, by a colleague from the console (<see cref="Colleague"/>), or not at all because it
/// is information only, such as steps to try (<see cref="Information"/>).
/// </summary>
public sealed record RemedyFulfilment(string? Webhook, bool Colleague)
{
    /// <summary>Information only: nothing is carried out, so nothing can be claimed done.</summary>
    public static RemedyFulfilment Information { get; } = new(null, false);

    /// <summary>Whether something is carried out (by a system or a colleague).</summary>
    public bool IsAction => Webhook is not null || Colleague;
}

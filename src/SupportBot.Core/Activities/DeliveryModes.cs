namespace SupportBot.Core.Activities;

/// <summary>The wire values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}

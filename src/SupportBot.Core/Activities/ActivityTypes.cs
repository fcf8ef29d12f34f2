namespace SupportBot.Core.Activities;

/// <summary>The wire values of <see cref="Activity.Type"/>, compared ordinally.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string EndOfConversation = "endOfConversation";
    public const string InstallationUpdate = "installationUpdate";
    public const string Trace = "trace";
}

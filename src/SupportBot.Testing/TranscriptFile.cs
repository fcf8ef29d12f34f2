using System.Text.Json;
using SupportBot.Core.Activities;

namespace SupportBot.Testing;

/// <summary>
/// Reads Bot Framework <c>.transcript</c> files (a JSON array of activities, as the Emulator and chatdown write
/// them): activities from the user (<c>from.role</c> "user", or anything not from the bot) are sent; the bot's
/// messages are expected, text and suggested actions alike.
/// </summary>
public static class TranscriptFile
{
    public static ConversationScript Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static ConversationScript Parse(string json, string fileName)
    {
        var activities = JsonSerializer.Deserialize(json, ActivityJson.Default.ListActivity)
            ?? throw new FormatException($"{fileName}: expected a JSON array of activities.");
        var steps = new List<ScriptStep>();
        var userName = activities.FirstOrDefault(a => !IsBot(a))?.From?.Name ?? "User";
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (IsBot(activity))
            {
                if (activity.Type == ActivityTypes.Message)
                {
                    steps.Add(new ScriptStep(i + 1, null, new ExpectedReply(
                        activity.Text ?? string.Empty,
                        activity.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToList(),
                        activity.Attachments is { Count: > 0 } attachments ? attachments[0].ContentType : null)));
                }
            }
            else if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Event)
            {
                steps.Add(new ScriptStep(i + 1, activity with { Id = null, Conversation = null, Recipient = null, ServiceUrl = null, ChannelId = null, Timestamp = null }, null));
            }
        }

        return new ConversationScript(fileName, userName, steps);
    }

    private static bool IsBot(Activity activity) =>
        activity.From?.Role == "bot" || (activity.From?.Role is null && activity.Recipient?.Role == "user");
}

using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Testing;

/// <summary>A scripted conversation read from a <c>.chat</c> or <c>.transcript</c> file, runnable against a bot.</summary>
public sealed record ConversationScript(string File, string UserName, IReadOnlyList<ScriptStep> Steps)
{
    /// <summary>The header's other <c>name=value</c> lines, for the test that runs the file (how a fake business system answers, say).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Builds a <see cref="TestFlow"/> that sends each user step and checks that the bot's replies match the bot
    /// steps one for one: a missing reply and an unexpected extra reply both fail, naming the file and line.
    /// </summary>
    public TestFlow ToTestFlow(BotAdapter adapter, string? conversationId = null)
    {
        var flow = new TestFlow(adapter, conversationId) { UserName = UserName, UserId = "user-" + UserName.Replace(' ', '-').ToLowerInvariant() };
        var sentAny = false;
        foreach (var step in Steps)
        {
            if (step.Send is { } activity)
            {
                if (sentAny)
                {
                    flow.AssertNoReply();
                }

                sentAny = true;
                flow.Send(activity with { From = activity.From ?? new ChannelAccount { Id = flow.UserId, Name = UserName } }, $"{File}:{step.Line} user: {activity.Text ?? activity.Type}");
            }
            else if (step.Expect is { } expect)
            {
                flow.AssertReply(expect.Check, $"{File}:{step.Line} bot: {expect.TextPattern}");
            }
        }

        return flow.AssertNoReply();
    }
}

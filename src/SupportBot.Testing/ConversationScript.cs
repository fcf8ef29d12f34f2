using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Testing;

/// <summary>One line of a scripted conversation: something the user sends, or a reply the bot must give.</summary>
public sealed record ScriptStep(int Line, Activity? Send, ExpectedReply? Expect);

/// <summary>
/// What a bot reply must look like: its text (<c>*</c> matches anything, white space is folded), and optionally its
/// suggested action titles and an attachment content type.
/// </summary>
public sealed record ExpectedReply(string TextPattern, IReadOnlyList<string>? Suggestions = null, string? AttachmentContentType = null)
{
    /// <summary>Throws <see cref="TestFlowException"/> when <paramref name="reply"/> does not fit.</summary>
    public void Check(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = Fold(reply.Text ?? string.Empty);
        var pattern = "^" + string.Join(".*", Fold(TextPattern).Split('*').Select(Regex.Escape)) + "$";
        if (!Regex.IsMatch(text, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw new TestFlowException($"Expected a reply like \"{TextPattern}\" but got \"{reply.Text}\".");
        }

        if (Suggestions is not null)
        {
            var actual = reply.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToList() ?? [];
            if (!actual.SequenceEqual(Suggestions, StringComparer.OrdinalIgnoreCase))
            {
                throw new TestFlowException($"Expected suggested actions [{string.Join(" | ", Suggestions)}] but got [{string.Join(" | ", actual)}].");
            }
        }

        if (AttachmentContentType is not null && reply.Attachments?.Any(a => a.ContentType.Contains(AttachmentContentType, StringComparison.OrdinalIgnoreCase)) != true)
        {
            throw new TestFlowException($"Expected an attachment of type '{AttachmentContentType}' in \"{reply.Text}\".");
        }
    }

    private static string Fold(string text) => Regex.Replace(text.Trim(), @"\s+", " ");
}

/// <summary>A scripted conversation read from a <c>.chat</c> or <c>.transcript</c> file, runnable against a bot.</summary>
public sealed record ConversationScript(string File, string UserName, IReadOnlyList<ScriptStep> Steps)
{
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

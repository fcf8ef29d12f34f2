using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Testing;

/// <summary>
/// A Bot Framework style scripted conversation, run in memory through the real <see cref="BotAdapter"/>:
/// <c>new TestFlow(adapter).Send("hi", from: "Dana Reyes").AssertReply(r =&gt; …).StartTestAsync()</c>.
/// Steps run in order when <see cref="StartTestAsync"/> is awaited; a failure says which step failed and shows
/// the conversation so far. Typing indicators are skipped by the reply assertions.
/// </summary>
public sealed partial class TestFlow
{
    private readonly BotAdapter _adapter;
    private readonly List<(string Description, Func<FlowState, Task> Run)> _steps = [];
    private readonly string _flowId = Guid.NewGuid().ToString("N")[..12];

    public TestFlow(BotAdapter adapter, string? conversationId = null, string channelId = "test")
    {
        _adapter = adapter;
        ConversationId = conversationId ?? $"test-{Guid.NewGuid():N}";
        ChannelId = channelId;
    }

    public string ConversationId { get; }

    public string ChannelId { get; }

    /// <summary>The user's display name used when a step does not name one.</summary>
    public string UserName { get; init; } = "Test User";

    /// <summary>The user's id on the channel.</summary>
    public string UserId { get; init; } = "user1";

    /// <summary>Sends a message from the user (optionally with another display name).</summary>
    public TestFlow Send(string text, string? from = null) =>
        Send(new Activity { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = UserId, Name = from ?? UserName } }, $"user: {text}");

    /// <summary>Sends an activity; missing addressing fields are filled in for this conversation.</summary>
    public TestFlow Send(Activity activity, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _steps.Add((description ?? $"send {activity.Type}", async state =>
        {
            var addressed = activity with
            {
                Id = activity.Id ?? $"{_flowId}-{++state.Sequence}",
                ChannelId = activity.ChannelId ?? ChannelId,
                Conversation = activity.Conversation ?? new ConversationAccount { Id = ConversationId },
                From = activity.From ?? new ChannelAccount { Id = UserId, Name = UserName },
                Recipient = activity.Recipient ?? new ChannelAccount { Id = "bot", Name = "SupportBot" },
                ServiceUrl = activity.ServiceUrl ?? "http://127.0.0.1/",
                DeliveryMode = DeliveryModes.ExpectReplies,
            };
            state.Log.AppendLine($"  -> {Describe(addressed)}");
            var result = await _adapter.ProcessActivityAsync(addressed, CancellationToken.None).ConfigureAwait(false);
            foreach (var reply in result.Replies.Where(r => r.Type != ActivityTypes.Typing))
            {
                state.Pending.Enqueue(reply);
                state.Log.AppendLine($"  <- {Describe(reply)}");
            }
        }
        ));
        return this;
    }

    /// <summary>Asserts the next reply's text equals <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected) =>
        AssertReply(reply =>
        {
            if (reply.Text != expected)
            {
                throw new TestFlowException($"Expected the reply \"{expected}\" but got \"{reply.Text}\".");
            }
        }, $"bot: {expected}");

    /// <summary>Asserts the next reply's text contains <paramref name="expected"/> (ordinal, case-sensitive).</summary>
    public TestFlow AssertReplyContains(string expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(expected);
        return AssertReply(reply =>
        {
            if (reply.Text?.Contains(expected, StringComparison.Ordinal) != true)
            {
                throw new TestFlowException($"Expected a reply containing \"{expected}\" but got \"{reply.Text}\".");
            }
        }, $"bot: …{expected}…");
    }

    /// <summary>
    /// Asserts the next reply's text is one of <paramref name="candidates"/>, where a <c>{variable}</c> in a candidate
    /// matches any text: pass a prompt's variants as they are written in <c>dialogs/</c>, and the reply matches
    /// whichever variant the bot picked, whatever it filled in.
    /// </summary>
    public TestFlow AssertReplyOneOf(IEnumerable<string> candidates, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one candidate is needed.", nameof(candidates));
        }

        var patterns = list.Select(c => new Regex(
            "^" + Placeholder().Replace(Regex.Escape(c), "(.+)") + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1))).ToList();
        return AssertReply(reply =>
        {
            if (reply.Text is null || !patterns.Any(p => p.IsMatch(reply.Text)))
            {
                throw new TestFlowException($"Expected one of [{string.Join(" | ", list.Select(c => $"\"{c}\""))}] but got \"{reply.Text}\".");
            }
        }, description ?? $"bot: one of {list.Count} expected replies");
    }

    /// <summary>Runs <paramref name="validate"/> on the next reply; it throws (any assertion library) to fail.</summary>
    public TestFlow AssertReply(Action<Activity> validate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(validate);
        _steps.Add((description ?? "assert reply", state =>
        {
            if (!state.Pending.TryDequeue(out var reply))
            {
                throw new TestFlowException("Expected a reply, but the bot sent nothing more.");
            }

            validate(reply);
            return Task.CompletedTask;
        }
        ));
        return this;
    }

    /// <summary>Asserts the bot has nothing more to say after the last message.</summary>
    public TestFlow AssertNoReply() =>
        Then("no more replies", state =>
        {
            if (state.Pending.TryDequeue(out var extra))
            {
                throw new TestFlowException($"Expected no more replies, but the bot also sent: {Describe(extra)}");
            }
        });

    /// <summary>Sends <paramref name="userSays"/> and asserts the next reply is <paramref name="expected"/>.</summary>
    public TestFlow Test(string userSays, string expected) => Send(userSays).AssertReply(expected);

    /// <summary>Runs custom code between steps (e.g. a restart or a state check).</summary>
    public TestFlow Then(string description, Action<FlowState> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add((description, state =>
        {
            step(state);
            return Task.CompletedTask;
        }
        ));
        return this;
    }

    /// <summary>Runs the steps; throws <see cref="TestFlowException"/> at the first failure with the conversation so far.</summary>
    public async Task StartTestAsync()
    {
        var state = new FlowState();
        for (var i = 0; i < _steps.Count; i++)
        {
            var (description, run) = _steps[i];
            try
            {
                await run(state).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not TestFlowException || !ex.Message.StartsWith("Step ", StringComparison.Ordinal))
            {
                throw new TestFlowException($"Step {i + 1} ({description}) failed: {ex.Message}{Environment.NewLine}Conversation {ConversationId} so far:{Environment.NewLine}{state.Log}", ex);
            }
        }
    }

    /// <summary>A <c>{variable}</c> after <see cref="Regex.Escape"/>, which escapes the opening brace only.</summary>
    [GeneratedRegex(@"\\\{[A-Za-z_][A-Za-z0-9_]*}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    internal static string Describe(Activity activity)
    {
        var text = activity.Type == ActivityTypes.Message ? $"\"{activity.Text}\"" : activity.Type;
        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            text += $" [{string.Join(" | ", actions.Select(a => a.Title))}]";
        }

        return text ?? string.Empty;
    }

    /// <summary>The running flow: replies not yet asserted, and a log of the conversation.</summary>
    public sealed class FlowState
    {
        public Queue<Activity> Pending { get; } = new();

        public StringBuilder Log { get; } = new();

        internal int Sequence { get; set; }
    }
}

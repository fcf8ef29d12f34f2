using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SupportBot.Core.Insight;

/// <summary>
/// The bot's traces and metrics, named <c>SupportBot</c>: a span per turn and per dialog step, and counters of the
/// feeling read at each customer turn, handoffs by reason, the time to a colleague, remedies granted (and what they
/// pay, by currency) and prompts shown. (Provider fallbacks are counted where they happen, by the meter
/// <c>SupportBot.Sentiment</c>.) Nothing leaves the process unless the host adds an exporter (OTLP, when configured).
/// </summary>
public static class InsightTelemetry
{
    public const string Name = "SupportBot";

    /// <summary>Spans: <c>turn</c> and <c>dialog step</c>.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("supportbot.turns", description: "Turns run, by channel and activity type");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("supportbot.turn.duration", "ms", "How long a turn took, from arrival to durable commit");
    private static readonly Counter<long> Steps = Meter.CreateCounter<long>("supportbot.dialog.steps", description: "Dialog steps run, by dialog");
    private static readonly Counter<long> Feelings = Meter.CreateCounter<long>("supportbot.feeling", description: "Customer turns by the feeling band read");
    private static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("supportbot.handoffs", description: "Conversations handed to a person, by reason");
    private static readonly Histogram<double> TimeToAgent = Meter.CreateHistogram<double>("supportbot.time_to_agent", "s", "From the handover until a colleague joined");
    private static readonly Counter<long> Remedies = Meter.CreateCounter<long>("supportbot.remedies", description: "Remedies granted, by remedy and by whom");
    private static readonly Counter<double> RemedyAmounts = Meter.CreateCounter<double>("supportbot.remedies.amount", description: "What granted remedies pay, by currency");
    private static readonly Counter<long> Prompts = Meter.CreateCounter<long>("supportbot.prompts.shown", description: "Prompt variants shown, by prompt key");

    /// <summary>Starts a turn's span (when anyone listens); disposing it ends the span and counts the turn with its duration.</summary>
    public static IDisposable StartTurn(string? channel, string? type, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var span = Source.StartActivity("turn");
        span?.SetTag("channel", channel);
        span?.SetTag("type", type);
        return new TurnScope(span, new TagList { { "channel", channel }, { "type", type } }, time, time.GetTimestamp());
    }

    /// <summary>Starts the span of a dialog step (null when nobody listens) and counts it.</summary>
    public static Activity? Step(string dialogId, int index)
    {
        Steps.Add(1, new KeyValuePair<string, object?>("dialog", dialogId));
        var span = Source.StartActivity("dialog step");
        span?.SetTag("dialog", dialogId);
        span?.SetTag("step", index);
        return span;
    }

    /// <summary>Counts what one turn's facts add: the feeling read, a new handoff, a colleague joining, remedies and prompts.</summary>
    internal static void Record(TurnFacts facts, string? feeling, bool noHandoffBefore, bool noAgentBefore)
    {
        var conversation = facts.Conversation;
        var channel = new KeyValuePair<string, object?>("channel", conversation.ChannelId);
        if (feeling is not null)
        {
            Feelings.Add(1, channel, new("feeling", feeling));
        }

        if (noHandoffBefore && conversation.HandoffReason is { } reason)
        {
            Handoffs.Add(1, channel, new("reason", reason));
        }

        if (noAgentBefore && conversation.TimeToAgent is { } wait)
        {
            TimeToAgent.Record(wait.TotalSeconds, channel);
        }

        foreach (var remedy in facts.Remedies)
        {
            Remedies.Add(1, channel, new("remedy", remedy.RemedyId ?? remedy.Title), new("by", remedy.ByColleague ? "colleague" : "bot"));
            if (remedy is { Amount: { } amount, Currency: { } currency })
            {
                RemedyAmounts.Add((double)amount, channel, new("currency", currency));
            }
        }

        foreach (var prompt in facts.Shown)
        {
            Prompts.Add(1, channel, new("prompt", prompt.Key));
        }

        Activity.Current?.SetTag("supportbot.feeling", feeling);
        Activity.Current?.SetTag("supportbot.outcome", conversation.Outcome);
    }

    private sealed class TurnScope(Activity? span, TagList tags, TimeProvider time, long started) : IDisposable
    {
        public void Dispose()
        {
            Turns.Add(1, tags);
            TurnDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, tags);
            span?.Dispose();
        }
    }
}

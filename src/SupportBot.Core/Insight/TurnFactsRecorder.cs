using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.State;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Insight;

/// <summary>
/// At the end of each turn, reads the conversation's case and dialog stack and the lines the bot said, and hands the
/// turn the facts it commits with its state (<see cref="TurnContext.Facts"/>): the conversation as it stands, each
/// prompt variant shown, what followed the ones shown before (answered, retried, asked for a person), the remedies
/// granted and the customer's message with its feeling band. It also counts them for telemetry.
/// </summary>
public sealed class TurnFactsRecorder
{
    private readonly CaseState _cases;
    private readonly ComponentDialog _root;
    private readonly StatePropertyAccessor<InsightState> _state;
    private readonly StatePropertyAccessor<DialogState> _dialogs;

    /// <param name="cases">Where the conversation keeps its case.</param>
    /// <param name="conversationState">Where the recorder keeps what it needs between turns.</param>
    /// <param name="root">The conversation's dialog, to name the step it is at.</param>
    /// <param name="dialogStateProperty">The conversation-state property the dialog stack is kept in.</param>
    public TurnFactsRecorder(CaseState cases, ConversationState conversationState, ComponentDialog root, string dialogStateProperty)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _cases = cases;
        _root = root;
        _state = conversationState.CreateProperty<InsightState>("insight");
        _dialogs = conversationState.CreateProperty<DialogState>(dialogStateProperty);
    }

    /// <summary>Records the facts of the turn that just ran; a turn with no case yet records nothing.</summary>
    public async Task RecordAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await _cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is not { } supportCase || supportCase.OpenedAt == default)
        {
            return;
        }

        var activity = context.Activity;
        var now = context.TimeProvider.GetUtcNow();
        var state = await _state.GetAsync(context, () => new InsightState(), cancellationToken).ConfigureAwait(false);
        var customer = activity.Type == ActivityTypes.Message;
        var said = Said(context, state);
        var newCase = state.FactsId is null || state.CaseOpenedAt != supportCase.OpenedAt;
        var mood = supportCase.Moods.Count > (newCase ? 0 : state.MoodsSeen) ? supportCase.Moods[^1] : null;

        var followed = new List<PromptFollowed>();
        if (customer && state.Pending.Count > 0)
        {
            var askedForPerson = PersonRequestRecognizer.AsksForPerson(activity.Text ?? string.Empty)
                || (supportCase.HandoffReason == HandoffReason.CustomerAsked && state.HandoffSeen != nameof(HandoffReason.CustomerAsked));
            foreach (var pending in state.Pending)
            {
                var outcome = askedForPerson ? Outcomes.Person : said.Any(l => AsksAgain(l.Key, pending.Key)) ? Outcomes.Retried : Outcomes.Answered;
                followed.Add(new PromptFollowed(pending, outcome, mood is null ? null : mood.Heat - pending.HeatBefore));
            }

            state.Pending.Clear();
        }

        if (newCase)
        {
            state.FactsId = $"{supportCase.OpenedAt.ToUnixTimeMilliseconds():x}-{Guid.NewGuid():N}";
            state.CaseOpenedAt = supportCase.OpenedAt;
            (state.PromptsShown, state.MoodsSeen, state.GrantsSeen, state.CustomerTurns, state.HandoffSeen, state.LastStep, state.AgentSeen) = (0, 0, 0, 0, null, null, false);
        }

        var id = state.FactsId!;
        var channel = activity.ChannelId ?? supportCase.ChannelId;
        var heat = supportCase.Moods.Count > 0 ? supportCase.Moods[^1].Heat : 0;
        var shown = new List<ShownPrompt>(said.Count);
        foreach (var line in said)
        {
            var prompt = new ShownPrompt($"{id}:{state.PromptsShown++}", id, channel, line.Key, line.VariantId, now, heat);
            shown.Add(prompt);
            state.Pending.Add(prompt);
        }

        var remedies = new List<RemedyFact>();
        for (; state.GrantsSeen < supportCase.Granted.Count; state.GrantsSeen++)
        {
            var granted = supportCase.Granted[state.GrantsSeen];
            remedies.Add(new RemedyFact($"{id}:r{state.GrantsSeen}", id, channel, supportCase.Category, granted.RemedyId, granted.Title, granted.Amount, granted.Currency, granted.ByColleague, granted.At));
        }

        var turn = customer ? new CustomerTurnFact(id, activity.Id, now, mood?.Feeling, activity.Text) : null;
        if (customer)
        {
            state.CustomerTurns++;
        }

        var handoffBefore = state.HandoffSeen;
        var agentBefore = state.AgentSeen;
        state.AgentSeen = supportCase.AgentJoinedAt is not null;
        state.MoodsSeen = supportCase.Moods.Count;
        state.HandoffSeen = supportCase.HandoffReason?.ToString();
        var stack = await _dialogs.GetOrNullAsync(context, cancellationToken).ConfigureAwait(false);
        state.LastStep = (stack is { DialogStack: [var top, ..] } && top.Id == _root.Id ? Step(_root, top) : null) ?? state.LastStep;

        var facts = new ConversationFacts
        {
            Id = id,
            ChannelId = channel,
            ConversationId = activity.Conversation?.Id ?? supportCase.ConversationId,
            CaseId = supportCase.CaseId.Length > 0 ? supportCase.CaseId : null,
            Started = supportCase.OpenedAt,
            LastAt = now,
            Category = supportCase.Category,
            FirstFeeling = supportCase.Moods.Count > 0 ? supportCase.Moods[0].Feeling : null,
            LastFeeling = supportCase.Moods.Count > 0 ? supportCase.Moods[^1].Feeling : null,
            FirstHeat = supportCase.Moods.Count > 0 ? supportCase.Moods[0].Heat : null,
            LastHeat = supportCase.Moods.Count > 0 ? supportCase.Moods[^1].Heat : null,
            HandoffReason = state.HandoffSeen,
            Resolved = supportCase.Resolved,
            TimeToAgent = supportCase is { AgentJoinedAt: { } joined, HandedOverAt: { } handed } && joined >= handed ? joined - handed : null,
            Rating = supportCase.Rating,
            LastStep = state.LastStep,
            CustomerTurns = state.CustomerTurns,
        };
        context.Facts = new TurnFacts(facts, shown, followed, remedies, turn);
        InsightTelemetry.Record(context.Facts, mood?.Feeling, handoffBefore is null, !agentBefore);
    }

    /// <summary>
    /// The lines the bot sent this turn that it rendered, now or (a retry) in a recent turn, in order: the prompt
    /// variants the customer was shown. Lines rendered and not sent are kept for the turns to come.
    /// </summary>
    private static List<VoiceLine> Said(TurnContext context, InsightState state)
    {
        var rendered = CaseVoice.LinesRendered(context).ToList();
        var said = new List<VoiceLine>();
        foreach (var reply in context.Replies)
        {
            if (reply is not { Type: ActivityTypes.Message, Text: { } text })
            {
                continue;
            }

            if (rendered.FindIndex(l => l.Text == text) is >= 0 and var at)
            {
                said.Add(rendered[at]);
                rendered.RemoveAt(at);
            }
            else if (state.Unsent.FindLast(l => l.Text == text) is { } earlier)
            {
                said.Add(earlier);
            }
        }

        state.Unsent = [.. state.Unsent.Where(l => !rendered.Any(r => r.Text == l.Text)).Concat(rendered).TakeLast(UnsentKept)];
        return said;
    }

    private const int UnsentKept = 8;

    /// <summary>
    /// Whether saying <paramref name="said"/> after <paramref name="asked"/> means asking again: the same prompt, or
    /// one of the same file that retries it, asks it again, narrower, or says why it is asked.
    /// </summary>
    private static bool AsksAgain(string said, string asked)
    {
        if (said == asked)
        {
            return true;
        }

        var file = asked.Split('.')[0] + ".";
        return said.StartsWith(file, StringComparison.Ordinal)
            && (said.Contains("retry", StringComparison.Ordinal) || said.Contains("again", StringComparison.Ordinal)
                || said.Contains(".narrow.", StringComparison.Ordinal) || said.Contains(".why.", StringComparison.Ordinal));
    }

    /// <summary>
    /// The innermost waterfall step the stack is at, named for people ("Remedy: ask amount"): components are entered
    /// from the top of each stack; prompts are passed over for the waterfall that asked them.
    /// </summary>
    private static string? Step(ComponentDialog component, DialogInstance instance)
    {
        foreach (var child in instance.Children?.DialogStack ?? [])
        {
            switch (component.FindDialog(child.Id))
            {
                case ComponentDialog inner when Step(inner, child) is { } found:
                    return found;
                case WaterfallDialog waterfall when waterfall.StepName(child) is { } step:
                    return $"{Named(component.Id)}: {Words(step)}";
            }
        }

        return null;
    }

    private static string Named(string dialogId) => dialogId.EndsWith("Dialog", StringComparison.Ordinal) ? dialogId[..^"Dialog".Length] : dialogId;

    private static string Words(string step) =>
        string.Concat(step.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

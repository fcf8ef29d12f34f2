namespace SupportBot.Core.Insight;

/// <summary>
/// The facts of one or more committed turns, folded into the fewest rows to write: each conversation's latest row, a
/// prompt shown and followed within the batch inserted once with its outcome, and each day's figures per prompt
/// variant summed into one change. Turns are added in the order they committed; a conversation's turns always are.
/// </summary>
internal sealed class FactsBatch
{
    private readonly Dictionary<string, ConversationFacts> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _shownAt = new(StringComparer.Ordinal);
    private readonly List<(ShownPrompt Prompt, PromptFollowed? Followed)> _shown = [];
    private readonly List<PromptFollowed> _followedEarlier = [];
    private readonly List<RemedyFact> _remedies = [];
    private readonly List<CustomerTurnFact> _turns = [];
    private readonly SortedDictionary<string, DayCounts> _days = new(StringComparer.Ordinal);

    /// <summary>How many turns' facts the batch holds.</summary>
    public int Turns { get; private set; }

    public static FactsBatch Of(TurnFacts facts)
    {
        var batch = new FactsBatch();
        batch.Add(facts);
        return batch;
    }

    public void Add(TurnFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Turns++;
        _conversations[facts.Conversation.Id] = facts.Conversation;
        foreach (var p in facts.Shown)
        {
            if (_shownAt.TryAdd(p.Id, _shown.Count))
            {
                _shown.Add((p, null));
                Day(p).CountShown();
            }
        }

        foreach (var f in facts.Followed)
        {
            if (_shownAt.TryGetValue(f.Prompt.Id, out var index))
            {
                _shown[index] = (_shown[index].Prompt, f);
            }
            else
            {
                _followedEarlier.Add(f);
            }

            Day(f.Prompt).Count(f);
        }

        _remedies.AddRange(facts.Remedies);
        if (facts.CustomerTurn is { } turn)
        {
            _turns.Add(turn);
        }
    }

    public IEnumerable<ConversationFacts> Conversations => _conversations.Values;

    /// <summary>Prompts shown in the batch's turns, with what followed each when a later turn of the batch said.</summary>
    public IReadOnlyList<(ShownPrompt Prompt, PromptFollowed? Followed)> Shown => _shown;

    /// <summary>What followed prompts shown before the batch.</summary>
    public IReadOnlyList<PromptFollowed> FollowedEarlier => _followedEarlier;

    public IReadOnlyList<RemedyFact> Remedies => _remedies;

    public IReadOnlyList<CustomerTurnFact> CustomerTurns => _turns;

    /// <summary>Each day's change per prompt variant, in one order (by day, channel, prompt and variant).</summary>
    public IEnumerable<DayCounts> Days => _days.Values;

    private DayCounts Day(ShownPrompt p)
    {
        var day = InsightSql.Day(p.ShownAt);
        var key = $"{day:D15}\u0001{p.ChannelId}\u0001{p.Key}\u0001{p.VariantId}";
        if (!_days.TryGetValue(key, out var counts))
        {
            _days[key] = counts = new DayCounts(day, p.ChannelId, p.Key, p.VariantId);
        }

        return counts;
    }

    /// <summary>The change a batch makes to one day's figures of one prompt variant.</summary>
    internal sealed class DayCounts(long day, string channelId, string key, string variantId)
    {
        public long Day { get; } = day;

        public string ChannelId { get; } = channelId;

        public string Key { get; } = key;

        public string VariantId { get; } = variantId;

        public int Shown { get; private set; }

        public int Followed { get; private set; }

        public int Answered { get; private set; }

        public int Retried { get; private set; }

        public int Person { get; private set; }

        public int ChangeSum { get; private set; }

        public int ChangeCount { get; private set; }

        public int Calmer { get; private set; }

        public int Hotter { get; private set; }

        public void CountShown() => Shown++;

        public void Count(PromptFollowed f)
        {
            Followed++;
            Answered += f.Outcome == Outcomes.Answered ? 1 : 0;
            Retried += f.Outcome == Outcomes.Retried ? 1 : 0;
            Person += f.Outcome == Outcomes.Person ? 1 : 0;
            ChangeSum += f.FeelingChange ?? 0;
            ChangeCount += f.FeelingChange is null ? 0 : 1;
            Calmer += f.FeelingChange < 0 ? 1 : 0;
            Hotter += f.FeelingChange > 0 ? 1 : 0;
        }
    }
}

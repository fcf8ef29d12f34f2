namespace SupportBot.Core.Insight;

/// <summary>
/// The dashboard's tables, and the statements a turn's facts are written with: the same SQL for SQLite and
/// PostgreSQL (times are Unix milliseconds, flags 0 or 1, parameters <c>@p0</c>…), run in the turn's transaction.
/// </summary>
internal static class InsightSql
{
    public const string SqliteSchema = """
        CREATE TABLE IF NOT EXISTS insight_conversations (
            id TEXT NOT NULL UNIQUE, channel TEXT NOT NULL, conversation TEXT NOT NULL, case_id TEXT, started INTEGER NOT NULL,
            last_at INTEGER NOT NULL, category TEXT, first_feeling TEXT, last_feeling TEXT, first_heat INTEGER, last_heat INTEGER,
            handoff INTEGER NOT NULL, handoff_reason TEXT, resolved INTEGER NOT NULL, contained INTEGER NOT NULL, outcome TEXT NOT NULL,
            time_to_agent INTEGER, rating INTEGER, last_step TEXT, customer_turns INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS insight_conversations_by_started ON insight_conversations (started, channel, category, outcome, handoff, contained,
            handoff_reason, rating, time_to_agent, first_feeling, last_feeling, first_heat, last_heat, last_step);
        CREATE INDEX IF NOT EXISTS insight_conversations_by_conversation ON insight_conversations (conversation, started);
        CREATE TABLE IF NOT EXISTS insight_prompts (
            id TEXT NOT NULL UNIQUE, fact TEXT NOT NULL, channel TEXT NOT NULL, prompt_key TEXT NOT NULL, variant TEXT NOT NULL,
            shown_at INTEGER NOT NULL, heat_before INTEGER NOT NULL, outcome TEXT NOT NULL, feeling_change INTEGER);
        CREATE INDEX IF NOT EXISTS insight_prompts_by_fact ON insight_prompts (fact, prompt_key, variant, outcome, feeling_change);
        CREATE TABLE IF NOT EXISTS insight_prompt_days (
            day INTEGER NOT NULL, channel TEXT NOT NULL, prompt_key TEXT NOT NULL, variant TEXT NOT NULL, shown INTEGER NOT NULL,
            answered INTEGER NOT NULL, retried INTEGER NOT NULL, no_reply INTEGER NOT NULL, person INTEGER NOT NULL,
            change_sum INTEGER NOT NULL, change_count INTEGER NOT NULL, calmer INTEGER NOT NULL, hotter INTEGER NOT NULL,
            PRIMARY KEY (day, channel, prompt_key, variant)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS insight_remedies (
            id TEXT NOT NULL UNIQUE, fact TEXT NOT NULL, channel TEXT NOT NULL, category TEXT, remedy_id TEXT, title TEXT NOT NULL,
            amount REAL, currency TEXT, by_colleague INTEGER NOT NULL, granted_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS insight_remedies_by_granted ON insight_remedies (granted_at, channel, category, title, currency, amount, by_colleague);
        CREATE INDEX IF NOT EXISTS insight_remedies_by_fact ON insight_remedies (fact);
        CREATE TABLE IF NOT EXISTS insight_turns (
            id INTEGER PRIMARY KEY, fact TEXT NOT NULL, activity_id TEXT, at INTEGER NOT NULL, feeling TEXT, text TEXT);
        CREATE INDEX IF NOT EXISTS insight_turns_by_fact ON insight_turns (fact, at);
        CREATE INDEX IF NOT EXISTS insight_turns_by_feeling ON insight_turns (feeling, fact);
        """;

    public const string PostgresSchema = """
        CREATE TABLE IF NOT EXISTS insight_conversations (
            id TEXT PRIMARY KEY, channel TEXT NOT NULL, conversation TEXT NOT NULL, case_id TEXT, started BIGINT NOT NULL,
            last_at BIGINT NOT NULL, category TEXT, first_feeling TEXT, last_feeling TEXT, first_heat INTEGER, last_heat INTEGER,
            handoff INTEGER NOT NULL, handoff_reason TEXT, resolved INTEGER NOT NULL, contained INTEGER NOT NULL, outcome TEXT NOT NULL,
            time_to_agent BIGINT, rating INTEGER, last_step TEXT, customer_turns INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS insight_conversations_by_started ON insight_conversations (started) INCLUDE (channel, category, outcome, handoff_reason, rating, first_feeling, last_feeling, contained, handoff, time_to_agent, first_heat, last_heat, last_step);
        CREATE INDEX IF NOT EXISTS insight_conversations_by_conversation ON insight_conversations (conversation, started);
        CREATE TABLE IF NOT EXISTS insight_prompts (
            id TEXT PRIMARY KEY, fact TEXT NOT NULL, channel TEXT NOT NULL, prompt_key TEXT NOT NULL, variant TEXT NOT NULL,
            shown_at BIGINT NOT NULL, heat_before INTEGER NOT NULL, outcome TEXT NOT NULL, feeling_change INTEGER);
        CREATE INDEX IF NOT EXISTS insight_prompts_by_fact ON insight_prompts (fact) INCLUDE (prompt_key, variant, outcome, feeling_change);
        CREATE TABLE IF NOT EXISTS insight_prompt_days (
            day BIGINT NOT NULL, channel TEXT NOT NULL, prompt_key TEXT NOT NULL, variant TEXT NOT NULL, shown BIGINT NOT NULL,
            answered BIGINT NOT NULL, retried BIGINT NOT NULL, no_reply BIGINT NOT NULL, person BIGINT NOT NULL,
            change_sum BIGINT NOT NULL, change_count BIGINT NOT NULL, calmer BIGINT NOT NULL, hotter BIGINT NOT NULL,
            PRIMARY KEY (day, channel, prompt_key, variant));
        CREATE TABLE IF NOT EXISTS insight_remedies (
            id TEXT PRIMARY KEY, fact TEXT NOT NULL, channel TEXT NOT NULL, category TEXT, remedy_id TEXT, title TEXT NOT NULL,
            amount NUMERIC, currency TEXT, by_colleague INTEGER NOT NULL, granted_at BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS insight_remedies_by_granted ON insight_remedies (granted_at) INCLUDE (channel, category, title, currency, amount, by_colleague);
        CREATE INDEX IF NOT EXISTS insight_remedies_by_fact ON insight_remedies (fact);
        CREATE TABLE IF NOT EXISTS insight_turns (
            id BIGSERIAL PRIMARY KEY, fact TEXT NOT NULL, activity_id TEXT, at BIGINT NOT NULL, feeling TEXT, text TEXT);
        CREATE INDEX IF NOT EXISTS insight_turns_by_fact ON insight_turns (fact, at);
        CREATE INDEX IF NOT EXISTS insight_turns_by_feeling ON insight_turns (feeling, fact);
        """;

    private const string UpsertConversation = """
        INSERT INTO insight_conversations (id, channel, conversation, case_id, started, last_at, category, first_feeling, last_feeling,
            first_heat, last_heat, handoff, handoff_reason, resolved, contained, outcome, time_to_agent, rating, last_step, customer_turns)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, last_at = excluded.last_at, category = excluded.category,
            first_feeling = excluded.first_feeling, last_feeling = excluded.last_feeling, first_heat = excluded.first_heat,
            last_heat = excluded.last_heat, handoff = excluded.handoff, handoff_reason = excluded.handoff_reason,
            resolved = excluded.resolved, contained = excluded.contained, outcome = excluded.outcome,
            time_to_agent = excluded.time_to_agent, rating = excluded.rating, last_step = excluded.last_step,
            customer_turns = excluded.customer_turns
        """;

    private const string InsertPrompt = """
        INSERT INTO insight_prompts (id, fact, channel, prompt_key, variant, shown_at, heat_before, outcome, feeling_change)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) ON CONFLICT (id) DO NOTHING
        """;

    private const string UpdatePrompt = "UPDATE insight_prompts SET outcome = @p1, feeling_change = @p2 WHERE id = @p0";

    // Each day's figures per prompt variant, kept as prompts are shown and answered, so the table of prompts reads a
    // few rows a day rather than every prompt shown. A batch adds what its turns changed: @p4 shown, @p5 answered,
    // @p6 retried, @p7 no reply (shown less followed), @p8 person, @p9 and @p10 the feeling's change and how many,
    // @p11 calmer, @p12 hotter.
    private const string CountDay = """
        INSERT INTO insight_prompt_days (day, channel, prompt_key, variant, shown, answered, retried, no_reply, person, change_sum, change_count, calmer, hotter)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
        ON CONFLICT (day, channel, prompt_key, variant) DO UPDATE SET shown = insight_prompt_days.shown + excluded.shown,
            answered = insight_prompt_days.answered + excluded.answered, retried = insight_prompt_days.retried + excluded.retried,
            no_reply = insight_prompt_days.no_reply + excluded.no_reply, person = insight_prompt_days.person + excluded.person,
            change_sum = insight_prompt_days.change_sum + excluded.change_sum, change_count = insight_prompt_days.change_count + excluded.change_count,
            calmer = insight_prompt_days.calmer + excluded.calmer, hotter = insight_prompt_days.hotter + excluded.hotter
        """;

    // What followed prompts shown in an earlier batch: the same figures without the shown count (@p4 answered …
    // @p11 hotter, @p6 the change in no reply).
    private const string CountFollowed = """
        UPDATE insight_prompt_days SET answered = answered + @p4, retried = retried + @p5, no_reply = no_reply + @p6, person = person + @p7,
            change_sum = change_sum + @p8, change_count = change_count + @p9, calmer = calmer + @p10, hotter = hotter + @p11
        WHERE day = @p0 AND channel = @p1 AND prompt_key = @p2 AND variant = @p3
        """;

    /// <summary>The start of the UTC day of <paramref name="time"/>, in Unix milliseconds.</summary>
    public static long Day(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 86_400_000 * 86_400_000;

    private const string InsertRemedy = """
        INSERT INTO insight_remedies (id, fact, channel, category, remedy_id, title, amount, currency, by_colleague, granted_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) ON CONFLICT (id) DO NOTHING
        """;

    private const string InsertTurn = "INSERT INTO insight_turns (fact, activity_id, at, feeling, text) VALUES (@p0, @p1, @p2, @p3, @p4)";

    /// <summary>The statements that write <paramref name="batch"/>, each with its parameters' values in order.</summary>
    public static IEnumerable<(string Sql, object?[] Values)> Statements(FactsBatch batch)
    {
        foreach (var c in batch.Conversations)
        {
            yield return (UpsertConversation,
            [
                c.Id, c.ChannelId, c.ConversationId, c.CaseId, c.Started.ToUnixTimeMilliseconds(), c.LastAt.ToUnixTimeMilliseconds(), c.Category,
                c.FirstFeeling, c.LastFeeling, c.FirstHeat, c.LastHeat, c.HandoffReason is null ? 0 : 1, c.HandoffReason, c.Resolved ? 1 : 0,
                c.Contained ? 1 : 0, c.Outcome, (long?)c.TimeToAgent?.TotalMilliseconds, c.Rating, c.LastStep, c.CustomerTurns,
            ]);
        }

        foreach (var (p, f) in batch.Shown)
        {
            yield return (InsertPrompt, [p.Id, p.ConversationFactsId, p.ChannelId, p.Key, p.VariantId, p.ShownAt.ToUnixTimeMilliseconds(), p.HeatBefore, f?.Outcome ?? Outcomes.Left, f?.FeelingChange]);
        }

        foreach (var f in batch.FollowedEarlier)
        {
            yield return (UpdatePrompt, [f.Prompt.Id, f.Outcome, f.FeelingChange]);
        }

        foreach (var r in batch.Remedies)
        {
            yield return (InsertRemedy, [r.Id, r.ConversationFactsId, r.ChannelId, r.Category, r.RemedyId, r.Title, r.Amount, r.Currency, r.ByColleague ? 1 : 0, r.GrantedAt.ToUnixTimeMilliseconds()]);
        }

        foreach (var t in batch.CustomerTurns)
        {
            yield return (InsertTurn, [t.ConversationFactsId, t.ActivityId, t.At.ToUnixTimeMilliseconds(), t.Feeling, t.Text]);
        }

        // The day's figures are rows every turn showing the same prompt updates: they are written last, in one order
        // (by day, channel, prompt and variant), so two turns in PostgreSQL never wait for each other's rows in
        // opposite orders (a deadlock), and each holds them only until its commit. A row is made only by a prompt
        // shown: what followed a prompt counted on a day no row holds is not counted.
        foreach (var d in batch.Days)
        {
            yield return d.Shown > 0
                ? (CountDay, [d.Day, d.ChannelId, d.Key, d.VariantId, d.Shown, d.Answered, d.Retried, d.Shown - d.Followed, d.Person, d.ChangeSum, d.ChangeCount, d.Calmer, d.Hotter])
                : (CountFollowed, [d.Day, d.ChannelId, d.Key, d.VariantId, d.Answered, d.Retried, -d.Followed, d.Person, d.ChangeSum, d.ChangeCount, d.Calmer, d.Hotter]);
        }
    }

    /// <summary>Parameter <paramref name="index"/>'s name.</summary>
    public static string Parameter(int index) => ParameterNames.Length > index ? ParameterNames[index] : $"@p{index}";

    private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 24).Select(i => $"@p{i}")];
}

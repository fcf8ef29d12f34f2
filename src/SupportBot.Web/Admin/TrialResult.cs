namespace SupportBot.Web.Admin;

/// <summary>What the bot reads in a first message and what it would answer.</summary>
/// <param name="Text">The message.</param>
/// <param name="Kind">complaint, question, request, greeting, thanks or unclear.</param>
/// <param name="Category">The reader's likeliest category.</param>
/// <param name="RunnerUp">The next likeliest.</param>
/// <param name="Confident">Whether the reader is sure enough not to ask (against <paramref name="Threshold"/>).</param>
/// <param name="Threshold">Understanding:ConfidenceThreshold.</param>
/// <param name="FiledUnder">The category the bot settled on (keywords and reader together), or null when it asks.</param>
/// <param name="WantsPerson">Whether the customer asks for a person.</param>
/// <param name="Entities">Amounts, dates, order numbers, contacts, products.</param>
/// <param name="Feeling">The feeling band: calm, mild, upset, furious or positive.</param>
/// <param name="Emotions">The emotions read, strongest first.</param>
/// <param name="Empathy">The line that acknowledges the feeling (or the message), if any.</param>
/// <param name="Question">The first thing the bot asks.</param>
/// <param name="Replies">Everything the bot says back, in order.</param>
/// <param name="Draft">Whether the draft's files read and answered it (else the live ones).</param>
public sealed record TrialResult(
    string Text,
    string Kind,
    CategoryGuess Category,
    CategoryGuess? RunnerUp,
    bool Confident,
    double Threshold,
    string? FiledUnder,
    bool WantsPerson,
    IReadOnlyList<EntityView> Entities,
    string Feeling,
    IReadOnlyList<string> Emotions,
    BotLine? Empathy,
    BotLine? Question,
    IReadOnlyList<BotLine> Replies,
    bool Draft);

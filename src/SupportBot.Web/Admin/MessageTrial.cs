using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Web.Admin;

/// <summary>
/// "Try a message": the message as a customer's first, read by the live reader (kind, category and confidence,
/// entities) and answered by the real bot in a conversation of its own (<see cref="SandboxBot"/>), so the feeling,
/// the empathy line and the first question are the ones a customer would get, not a copy of the rules.
/// </summary>
public sealed class MessageTrial(SandboxBots sandboxes, IOptions<SupportOptions> options, TimeProvider time)
{
    /// <summary>The name a trial writes under when none is given.</summary>
    public const string DefaultName = "Dana Reyes";

    private static readonly string[] Acknowledgements = [SupportPrompts.QuestionAcknowledge, SupportPrompts.SuggestionThanks];

    /// <summary>Tries <paramref name="text"/> on the live files, or on the draft's when <paramref name="draft"/> and there is one.</summary>
    /// <exception cref="Core.PromptFiles.PromptFilesInvalidException">The draft fails the checks.</exception>
    public async Task<TrialResult> TryAsync(string text, string? name, bool draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var onDraft = draft ? await sandboxes.DraftAsync(cancellationToken).ConfigureAwait(false) : null;
        var bot = onDraft ?? sandboxes.Live();
        var reading = bot.Reader.Read(text);
        var entities = EntityReader.ReadAll(text, time.GetUtcNow(), options.Value.Currency);
        var conversation = "trial-" + Guid.NewGuid().ToString("N")[..12];
        var replies = await bot.SayAsync(conversation, string.IsNullOrWhiteSpace(name) ? DefaultName : name, text, cancellationToken).ConfigureAwait(false);
        var supportCase = await bot.CaseAsync(conversation, cancellationToken).ConfigureAwait(false);
        var lines = Lines(bot.Prompts.Current, replies);
        var empathy = lines.FirstOrDefault(l => l.Key is { } key && (key.StartsWith("empathy.", StringComparison.Ordinal) || Acknowledgements.Contains(key)));
        var question = lines.Count > 0 && lines[^1] != empathy ? lines[^1] : null;
        var mood = supportCase?.Moods.LastOrDefault();
        var catalog = bot.Catalog;
        CategoryGuess Guess(string id, double probability) => new(id, catalog.Categories.FirstOrDefault(c => c.Id == id)?.Title ?? id, Math.Round(probability, 3));
        return new TrialResult(
            text,
            reading.Kind.ToString().ToLowerInvariant(),
            Guess(reading.Category, reading.Confidence),
            reading.TopCategories.Count > 1 ? Guess(reading.TopCategories[1].Category, reading.TopCategories[1].Probability) : null,
            reading.IsConfident,
            reading.ConfidenceThreshold,
            supportCase?.Category,
            reading.WantsPerson,
            Entities(entities),
            mood?.Feeling ?? "calm",
            mood?.Emotions ?? [],
            empathy,
            question,
            lines,
            onDraft is not null);
    }

    /// <summary>The bot's replies, each with the prompt variant it reads as.</summary>
    public static IReadOnlyList<BotLine> Lines(PromptCatalog catalog, IEnumerable<Activity> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return [.. replies.Select(r =>
        {
            var match = PromptMatcher.Find(catalog, r.Text);
            return new BotLine(r.Text ?? string.Empty, match?.Key, match?.Variant.Id, match?.Variant.File, [.. r.SuggestedActions?.Actions?.Select(a => a.Title ?? a.Value?.ToString() ?? string.Empty) ?? []]);
        })];
    }

    private static List<EntityView> Entities(MessageEntities found)
    {
        var list = new List<EntityView>();
        list.AddRange(found.Amounts.Select(a => new EntityView("amount", a.Text, a.IsSideCharge() ? $"{MoneyFormatter.Format(a)} ({a.Purpose.ToString().ToLowerInvariant()})" : MoneyFormatter.Format(a))));
        list.AddRange(found.Dates.Select(d => new EntityView("date", d.Text, DateValue(d))));
        list.AddRange(found.OrderNumbers.Select(o => new EntityView("order number", o.Text, o.Value)));
        list.AddRange(found.Contacts.Select(c => new EntityView(c.Kind == ContactKind.Email ? "email" : "phone", c.Text, c.Value)));
        list.AddRange(found.Products.Select(p => new EntityView(p.Kind.ToString().ToLowerInvariant(), p.Text, string.Join(' ', new[] { p.Name, p.Version }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } named ? named : p.Text)));
        return list;
    }

    private static string DateValue(DateMention date)
    {
        string Day(DateOnly? day) => day?.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) ?? "?";
        return date.Kind switch
        {
            DateMentionKind.Duration when date.Duration is { } span => $"for {span.TotalDays:0.#} days",
            DateMentionKind.Range => $"{Day(date.From)} to {Day(date.To)}",
            DateMentionKind.Since => $"since {Day(date.From)}",
            _ => Day(date.From),
        } + (date.Approximate ? " (about)" : string.Empty);
    }
}

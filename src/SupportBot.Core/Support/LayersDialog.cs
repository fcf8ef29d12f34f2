using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Peels the layers: "is anything else about this bothering you?", acknowledging and keeping each further issue,
/// up to <c>Support:MaxUnderlyingIssues</c>. Ends with a <see cref="HandoffRequest"/> when frustration keeps rising.
/// </summary>
public sealed partial class LayersDialog : CaseDialog
{
    private readonly SupportServices _services;

    public LayersDialog(SupportServices services)
        : base(nameof(LayersDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AskAnythingElseAsync, RecordUnderlyingIssueAsync, RecordUnderlyingIssueAsync);
    }

    private async Task<DialogTurnResult> AskAnythingElseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (supportCase.WantsTheFix || supportCase.UnderlyingIssues.Count >= _services.Options.MaxUnderlyingIssues)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Asked again after what they added (another problem, or a fact for the case), in other words each time.
        var key = step.GetOptions<Round>() is { Again: true } ? SupportPrompts.AskAnythingElseAgain : SupportPrompts.AskAnythingElse;
        return await step.PromptAsync(Text, Voice.AskFresh(step.Context, key, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordUnderlyingIssueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // "No, it was 19.99" corrects the amount told before: never "no, nothing else". Said back, then asked again.
        if (step.Result is string correcting && CorrectionReader.Read(correcting, step.Context.TimeProvider.GetUtcNow(), _services.Options.Currency) is { Amount: not null }
            && await CaseAsync(step, cancellationToken).ConfigureAwait(false) is { Amount: { } before } corrected)
        {
            await _services.TakeAmountsAsync(step.Context, corrected, correcting, cancellationToken).ConfigureAwait(false);
            if (corrected.Amount != before)
            {
                return await step.ReplaceDialogAsync(StepsId, new Round(Again: true), cancellationToken).ConfigureAwait(false);
            }
        }

        // "If I choose the replacement, would it arrive before Saturday?": what it involves, then the choice is theirs.
        if (step.Result is string asking && await CaseAsync(step, cancellationToken).ConfigureAwait(false) is var asked
            && RemedyQuestion.About(_services.Catalog, asked, asking) is { } about)
        {
            await Voice.SayFreshAsync(step.Context, SupportPrompts.RemedyAboutChosen, asked, cancellationToken, ("about", about)).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "No. I don't want options, I want MY REFUND": nothing else, and what would put it right, for the remedies next.
        if (step.Result is string wish && ConfirmPrompt.Recognize(wish) is false && ChoiceRecognizer.HasAtMostWords(wish, 12)
            && await CaseAsync(step, cancellationToken).ConfigureAwait(false) is var wishing && RemedyNames.NamesRemedy(_services.Catalog, wishing, wish))
        {
            wishing.RemedyAsked = PiiMasker.Mask(wish);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "Yes, the app logs me out too" and "no, but the app logs me out" both tell more: the app.
        if (step.Result is not string reply || ComplaintReader.WithoutLeadingYes(reply) is var answer && (ComplaintReader.MeansNothingElse(answer) || ConfirmPrompt.Recognize(answer) is false))
        {
            // "Nothing's bothering me, I just need to cancel. Will there be an early termination fee?": the question is heard.
            if (step.Result is string nothingBut && AskedAfter().Match(nothingBut) is { Success: true } question && PushbackReader.AsksInEarnest(question.Value.Trim()))
            {
                await _services.AnswerOrKeepAsync(step.Context, await CaseAsync(step, cancellationToken).ConfigureAwait(false), question.Value.Trim(), cancellationToken).ConfigureAwait(false);
            }

            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);

        // "As I said, the courier was rude" is the courier; "I already told you" alone is nothing new to keep, and nor
        // is "the monthly plan, I said" when they did: they're right, and the bot goes on.
        var reminder = AlreadyToldReader.Read(answer);
        var whole = answer;
        answer = reminder?.Rest ?? answer;
        if (reminder?.Rest is { } again && supportCase.Said().Any(said => said.Contains(again, StringComparison.OrdinalIgnoreCase)))
        {
            var mirrored = ComplaintReader.Mirror(again);
            await Voice.SayFreshAsync(step.Context, SupportPrompts.AlreadyTold, supportCase, cancellationToken, ("said", PiiMasker.Mask(mirrored.Length > 0 ? mirrored : again))).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "Why does that matter?" gets the reason once; "skip" or "what can you do about it?" moves on to the fix.
        if (PushbackReader.AsksWhy(answer) && step.GetState<Asked>().Why++ == 0)
        {
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.WhyAnythingElse, supportCase), cancellationToken).ConfigureAwait(false);
        }

        // "I don't know" to "anything else?" is nothing else, never an issue to write down.
        if (PushbackReader.AsksWhy(answer) || PushbackReader.Declines(answer) || PushbackReader.AsksWhatNext(answer)
            || (NoAnswerReader.Read(answer) is { Kind: NoAnswerKind.Unknown, Alternative: null } none && none.Text.Length >= answer.Trim().TrimEnd('.', '!').Length - 2))
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "How long will this take?" or "what are my options?" wants the fix: what it is and how long it takes come next, with the remedies.
        if (PushbackReader.AsksAboutTheFix(answer) || PushbackReader.AsksWhatToTry(answer))
        {
            await Voice.SayFreshAsync(step.Context, SupportPrompts.LayersHowLong, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "I want my money back" says what would put it right: that is for the remedies, next, not another problem.
        if (RemedyNames.NamesRemedy(_services.Catalog, supportCase, answer)
            && (ComplaintReader.Mirror(answer).Length == 0 || answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 10))
        {
            supportCase.RemedyAsked = PiiMasker.Mask(answer);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "Sorry I meant last Wednesday, the 12th. And no, nothing else": what they told before, put right and said so;
        // "nothing else" after it ends the round.
        if (Corrects().Match(answer) is { Success: true } fix && ComplaintReader.IsMirrorable(fix.Groups["fact"].Value))
        {
            var words = fix.Groups["fact"].Value.Trim();
            var putRight = CorrectedFact(supportCase, words, step.Context.TimeProvider.GetUtcNow());
            if (putRight is { } known)
            {
                supportCase.Answers.RemoveAll(a => a.QuestionId == known.Question);
                supportCase.Answers.Add(new ClarifyingAnswer(known.Question, _services.QuestionText(known.Question), PiiMasker.Mask(known.Value)) { Words = PiiMasker.Mask(words) });
            }
            else
            {
                // "Sorry I meant February, not March" where no answer says when: the correction itself goes on the case.
                supportCase.UnderlyingIssues.Add("correction: " + PiiMasker.Mask(words));
            }

            var saidBack = putRight?.Value ?? ComplaintReader.Mirror(words);
            await Voice.SayFreshAsync(step.Context, SupportPrompts.LayersCorrected, supportCase, cancellationToken, ("fact", PiiMasker.Mask(saidBack.Length > 0 ? saidBack : words))).ConfigureAwait(false);
            return fix.Groups["tail"].Value is { Length: > 0 } tail && (ComplaintReader.MeansNothingElse(tail) || ConfirmPrompt.Recognize(tail) is false || NothingElse().IsMatch(tail))
                ? await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false)
                : await step.ReplaceDialogAsync(StepsId, new Round(Again: true), cancellationToken).ConfigureAwait(false);
        }

        // "Should I change my password??" is a question, not another problem: answered when answers.yaml knows it,
        // otherwise kept on the case for a proper answer and said so; then the fix, not "anything else?" again.
        if (PushbackReader.AsksInEarnest(answer) && !SeriousMatterReader.IsSerious(answer))
        {
            await _services.AnswerOrKeepAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (!ComplaintReader.IsMirrorable(answer))
        {
            // "yes" says there is more without saying what: ask for it. A bare "1" or "ok" is no issue to keep.
            return ComplaintReader.SaysYes(answer) && step.GetState<Asked>().TellMore++ == 0
                ? await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.TellMore, supportCase), cancellationToken).ConfigureAwait(false)
                : await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "Every evening since Friday" or "I restarted it twice" answers a question still open: a fact for the case, not another problem.
        var fact = FactFor(supportCase, answer, step.Context.TimeProvider.GetUtcNow());
        if (fact is not null)
        {
            // The order number is kept as the number ("48213"), with the words it came in.
            var kept = fact == "order_number" && OrderNumberReader.ReadAnswer(answer) is { } order ? order.Value : answer;
            supportCase.Answers.Add(new ClarifyingAnswer(fact, _services.QuestionText(fact), PiiMasker.Mask(kept)) { Words = kept == answer ? null : PiiMasker.Mask(answer) });
        }
        else
        {
            // "the fact nobody will tell me where it is. just sort it": the issue, without the "just sort it".
            supportCase.UnderlyingIssues.Add(PiiMasker.Mask(EnoughAtEnd().Replace(answer, string.Empty) is { Length: > 0 } issue ? issue : answer));
        }

        await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        if (SeriousMatterReader.IsSerious(answer))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.Serious), cancellationToken).ConfigureAwait(false);
        }

        // How they feel is in all they wrote: "are you even listening??" is the heat, not something else to keep.
        await _services.ReadMoodAsync(supportCase, whole, cancellationToken).ConfigureAwait(false);
        if (EmpathyPicker.FrustrationRising(supportCase.Moods))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.FrustrationRising), cancellationToken).ConfigureAwait(false);
        }

        var said = ComplaintReader.Mirror(answer);
        await (supportCase.Moods[^1].Heat >= 2
            // "Are you even listening?? I need this fixed TODAY": an upset or furious customer hears their feeling first, not a thank-you.
            ? Voice.EmpathizeAsync(step.Context, supportCase, cancellationToken, said)
            : fact is null && said.Length > 0
            ? Voice.SayFreshAsync(step.Context, SupportPrompts.AcknowledgeLayer, supportCase, cancellationToken, ("issue", said))
            : Voice.SayFreshAsync(step.Context, SupportPrompts.Noted, supportCase, cancellationToken)).ConfigureAwait(false);

        // "Anything else?" once more only for a calm, brief addition: an upset customer, one who says "just sort it" or
        // "that's everything", or one who told several things at length goes on to the fix.
        return supportCase.Moods[^1].Heat >= 2 || Enough().IsMatch(whole) || whole.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 30
            ? await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false)
            : await step.ReplaceDialogAsync(StepsId, new Round(Again: true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The question of the case's category that <paramref name="answer"/> answers: one not answered yet, or, for a
    /// reply of a few words ("on the 3rd", "the monthly plan"), one answered already, which it adds to; but what else
    /// happens ("it logs me out too") is another problem. Null when none.
    /// </summary>
    private string? FactFor(SupportCase supportCase, string answer, DateTimeOffset now)
    {
        var category = _services.Catalog.Category(supportCase.Category ?? SupportCatalog.Other);
        // The order number is a fact whatever the category asks ("order 48213, a pair of boots"), never another problem.
        var answers = category.Questions.Append("order_number").Distinct(StringComparer.Ordinal).Where(q => SlotReader.Read(q, answer, now, _services.CurrencyOf(supportCase)) is not null).ToList();
        return answers.FirstOrDefault(q => supportCase.Answers.All(a => a.QuestionId != q || a.SaysNothing))
            ?? (answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 ? answers.FirstOrDefault(q => q is not ("symptom" or "signin")) : null);
    }


    /// <summary>
    /// The answer given before that <paramref name="fact"/> puts right ("it was last wednesday, the 12th" when the
    /// case says when already): its question and the new value; null when it corrects none.
    /// </summary>
    private (string Question, string Value)? CorrectedFact(SupportCase supportCase, string fact, DateTimeOffset now)
    {
        foreach (var question in supportCase.Answers.Where(a => !a.SaysNothing).Select(a => a.QuestionId).Distinct(StringComparer.Ordinal))
        {
            if (question is not ("tried" or "symptom" or "signin" or "category") && SlotReader.Read(question, fact, now, _services.CurrencyOf(supportCase)) is { } value)
            {
                return (question, value.Value);
            }
        }

        return null;
    }

    /// <summary>"Sorry I meant it was last wednesday, the 12th. And no, nothing else": the fact put right, then the rest.</summary>
    [GeneratedRegex(@"^\W*(?:(?:sorry|oops|oh|no|wait|actually|my\s+bad|correction)[\s,.:;!-]+)*(?:i\s+meant|i\s+mean|i\s+got\s+(?:that|it)\s+wrong|it\s+was\s+actually|actually\s+it\s+was|correction)\b[\s,:;-]*(?<fact>[^.!?;]+?)\s*(?:[.!?;]+\s*(?<tail>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex Corrects();

    /// <summary>"And no, nothing else", "that's all": the round is over.</summary>
    [GeneratedRegex(@"^\W*(?:and\s+|but\s+)?(?:no|nope|nah)?[\s,]*(?:nothing\s+else|that'?s\s+(?:all|it)|all\s+good)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NothingElse();

    /// <summary>"Just sort it", "get it fixed", "that's everything": the words that say there is nothing more to ask about.</summary>
    private const string EnoughWords = @"(?:(?:just\s+)?(?:sort|fix)\s+(?:it|this|that)(?:\s+out)?|just\s+(?:get\s+(?:it|this)\s+)?(?:sorted|fixed|done)|get\s+(?:it|this)\s+(?:sorted|fixed|done)|that'?s\s+(?:all|everything|it)|that\s+is\s+(?:all|everything))";

    /// <summary>"Just sort it", "fix it please", "that's everything", "nothing more" anywhere in what they added.</summary>
    [GeneratedRegex(@"\b(?:" + EnoughWords + @"|nothing\s+(?:else|more))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Enough();

    /// <summary>A question of four words or more after what came first: "… Will there be an early termination fee?".</summary>
    [GeneratedRegex(@"(?<=[.!,;]\s*)[^.!?,;]*?\w+\s+\w+\s+\w+\s+\w+[^.!?]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex AskedAfter();

    /// <summary>"… just sort it", "… and that's all" closing what they added.</summary>
    [GeneratedRegex(@"[.!?;,]+\s*(?:and\s+)?(?:please\s+)?" + EnoughWords + @"(?:\s+please)?[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnoughAtEnd();

    /// <summary>How a round of "anything else?" begins: <see cref="Again"/> after the customer added something.</summary>
    private sealed record Round(bool Again);

    /// <summary>What this round already asked.</summary>
    private sealed class Asked
    {
        public int TellMore { get; set; }

        public int Why { get; set; }
    }
}

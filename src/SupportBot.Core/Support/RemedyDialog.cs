using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Support;

/// <summary>
/// Offers the category's remedies from the catalog, best for the customer first, plus "something else"; grants the
/// chosen one on the spot with concrete next steps when its approval rules allow. Ends with a
/// <see cref="HandoffRequest"/> when a colleague must approve it, honestly saying why.
/// </summary>
public sealed class RemedyDialog : CaseDialog
{
    private readonly SupportServices _services;

    private const string SomethingElseId = "something_else";

    public RemedyDialog(SupportServices services)
        : base(nameof(RemedyDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(OfferAsync, ChooseAsync, GrantOrHandOverAsync);
    }

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var remedies = RemedyAdvisor.Offer(_services.Catalog, supportCase.Category, _services.Options.MaxRemediesOffered);
        supportCase.RemediesOffered = [.. remedies.Select(r => r.Title)];
        var somethingElse = Voice.Catalog.Render(SupportPrompts.SomethingElse).Text;
        var options = Voice.Ask(step.Context, SupportPrompts.OfferRemedies, supportCase) with
        {
            RetryPrompt = Voice.Line(step.Context, SupportPrompts.OfferRetry, supportCase),
            Choices = [.. remedies.Select(r => new Choice(r.Id) { Title = Capitalize(r.Title), Synonyms = r.Synonyms }), new Choice(SomethingElseId) { Title = somethingElse }],
        };
        return await step.PromptAsync(Choose, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        switch (step.Result)
        {
            case FoundChoice { Value: SomethingElseId }:
                return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.AskOwnRemedy, supportCase), cancellationToken).ConfigureAwait(false);
            case FoundChoice choice:
                supportCase.RemedyId = choice.Value;
                return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> GrantOrHandOverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.Result is string ownWords)
        {
            supportCase.RemedyWanted = PiiMasker.Mask(ownWords);
            await _services.TakeAmountsAsync(step.Context, supportCase, ownWords, cancellationToken).ConfigureAwait(false);
            await _services.ReadMoodAsync(supportCase, ownWords, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, "the customer asked for something outside the catalog"), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is PromptGaveUp || supportCase.RemedyId is null || !_services.Catalog.Remedies.TryGetValue(supportCase.RemedyId, out var remedy))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        supportCase.RemedyWanted = remedy.Title;
        var check = RemedyAdvisor.Check(remedy, supportCase.Amount, profile);
        if (!check.AutoApproved)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, check.Reason), cancellationToken).ConfigureAwait(false);
        }

        profile.RemediesGranted++;
        var nextSteps = PromptCatalog.Fill(SupportPrompts.NextSteps, remedy.NextSteps, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase.FirstName,
            ["amount"] = supportCase.AmountText(),
        });
        await Voice.SayAsync(step.Context, SupportPrompts.RemedyGranted, supportCase, cancellationToken, ("remedy", remedy.Title), ("next_steps", nextSteps)).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

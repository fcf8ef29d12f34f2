using System.Text.RegularExpressions;

using SupportBot.Core.Understanding;

namespace SupportBot.Core.Cases;

/// <summary>
/// The brief a colleague receives at handoff, so the customer never repeats their story: who, what happened in
/// their words, what was asked and answered, what else bothers them, how they felt and how that moved, the remedy
/// wanted and why it needs a person. A view of the <see cref="SupportCase"/> (<see cref="Of"/>), never kept on its
/// own; card numbers and similar details are masked.
/// </summary>
public sealed partial record CaseSummary
{
    /// <summary>What the case says when the customer asks for a manager: whoever picks it up reads it first.</summary>
    public const string ManagerWanted = "asks for a manager";

    public required string CaseId { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerId { get; init; }

    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public string Tier { get; init; } = "standard";

    public required string Category { get; init; }

    public required string CategoryTitle { get; init; }

    /// <summary>The problem in the customer's own words.</summary>
    public required string Complaint { get; init; }

    /// <summary>The problem in one line.</summary>
    public required string Problem { get; init; }

    public IReadOnlyList<ClarifyingAnswer> Answers { get; init; } = [];

    /// <summary>What the customer already tried, from their answers.</summary>
    public string? AlreadyTried { get; init; }

    public IReadOnlyList<string> UnderlyingIssues { get; init; } = [];

    public IReadOnlyList<MoodReading> Moods { get; init; } = [];

    /// <summary>How the feeling moved across the customer's turns: "improving", "steady" or "worsening".</summary>
    public required string MoodTrend { get; init; }

    /// <summary>The feeling band at each of the customer's turns and the trend: "mild → upset → furious; trend: worsening".</summary>
    public string FeelingLine => Moods.Count == 0 ? "not read yet" : $"{string.Join(" → ", Moods.Select(m => m.Feeling))}; trend: {MoodTrend}";

    public IReadOnlyList<string> RemediesOffered { get; init; } = [];

    /// <summary>The remedy the customer wants (title from the catalog, or their own words).</summary>
    public string? RemedyWanted { get; init; }

    /// <summary>True when <see cref="RemedyWanted"/> is the customer's own words rather than one of the catalog's remedies.</summary>
    public bool RemedyInOwnWords { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>The currency of <see cref="Amount"/> (ISO 4217 code).</summary>
    public string? Currency { get; init; }

    /// <summary><see cref="Amount"/> with its currency and what it is for ("£89.00 (lamp)").</summary>
    public string? AmountText { get; init; }

    /// <summary>What the remedy wanted pays, with its currency ("£89.00"), when it pays money and the amount is known.</summary>
    public string? RemedyAmountText { get; init; }

    /// <summary>Other amounts the customer mentioned, such as a delivery fee.</summary>
    public IReadOnlyList<string> OtherAmounts { get; init; } = [];

    /// <summary>Why the remedy needs a person's approval, when it does.</summary>
    public string? ApprovalReason { get; init; }

    public required HandoffReason Reason { get; init; }

    /// <summary>Questions already answered: the colleague need not ask them again.</summary>
    public IReadOnlyList<string> DoNotAskAgain { get; init; } = [];

    /// <summary>What the customer fixed or added on seeing this brief.</summary>
    public string? CustomerAddition { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The brief of <paramref name="supportCase"/> as it stands.</summary>
    public static CaseSummary Of(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var categoryTitle = supportCase.CategoryTitle ?? "Something else";
        return new CaseSummary
        {
            CaseId = supportCase.CaseId,
            CustomerName = supportCase.FullName ?? "(name not given)",
            CustomerId = supportCase.CustomerId,
            ChannelId = supportCase.ChannelId,
            ConversationId = supportCase.ConversationId,
            Tier = supportCase.Tier,
            Category = supportCase.Category ?? "other",
            CategoryTitle = categoryTitle,
            Complaint = PiiMasker.MaskForBrief(supportCase.Complaint ?? string.Empty),
            Problem = OneLine(supportCase, categoryTitle),
            Answers = supportCase.Answers,
            AlreadyTried = supportCase.Answers.FirstOrDefault(a => a.QuestionId == "tried" && !a.SaysNothing)?.Answer is { } tried
                ? (NothingTried().IsMatch(tried) ? "nothing yet" : SlotReader.WhatWasDone(tried)) : null,
            UnderlyingIssues = supportCase.UnderlyingIssues,
            Moods = supportCase.Moods,
            MoodTrend = EmpathyPicker.Trend(supportCase.Moods),
            RemediesOffered = supportCase.RemediesOffered,
            RemedyWanted = supportCase.RemedyWanted,
            RemedyInOwnWords = supportCase.RemedyWanted is not null && supportCase.RemedyId is null,
            Amount = supportCase.Amount,
            Currency = supportCase.Currency,
            AmountText = supportCase.AmountText() is { } amount ? (supportCase.AmountFor is { } item ? $"{amount} ({item})" : amount) : null,
            RemedyAmountText = supportCase.RemedyAmount()?.ToString(),
            OtherAmounts = supportCase.OtherAmounts,
            ApprovalReason = supportCase.ApprovalReason,
            Reason = supportCase.HandoffReason ?? HandoffReason.CustomerAsked,
            DoNotAskAgain = [.. supportCase.Answers.Select(a => a.Question), .. supportCase.Complaint is null ? Array.Empty<string>() : ["What happened?"]],
            CustomerAddition = supportCase.CustomerAddition is { } added ? PiiMasker.MaskForBrief(added) : null,
            CreatedAt = supportCase.HandedOverAt ?? supportCase.OpenedAt,
        };
    }

    /// <summary>
    /// The brief as the customer reviews it before the handoff: the problem, their answers, what else, the remedy
    /// wanted. An answer already in the quote or in an earlier answer ("order 4471-2231" in "the lamp, order
    /// 4471-2231") is not listed again.
    /// </summary>
    public string ForCustomer()
    {
        // "Asks for a manager" is read back to them as their wish, and not at all when their own words say it.
        var parts = new List<string> { $"“{Complaint}”" };
        var shown = new List<string> { Complaint };
        foreach (var answer in Answers.Where(a => a.QuestionId != "tried" && (!a.SaysNothing || a.Answer == ClarifyingAnswer.NotKnown)))
        {
            var text = answer.QuestionId == "order_number" ? PiiMasker.Mask(answer.Answer) : PiiMasker.MaskForBrief(answer.Answer);
            if (!shown.Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                shown.Add(text);
                parts.Add($"{Labels.GetValueOrDefault(answer.QuestionId, answer.QuestionId.Replace('_', ' '))}: {text}");
            }
        }

        if (AlreadyTried is { } tried && !shown.Any(s => s.Contains(PiiMasker.MaskForBrief(tried), StringComparison.OrdinalIgnoreCase)))
        {
            parts.Add($"already tried: {PiiMasker.MaskForBrief(tried)}");
        }

        parts.AddRange(UnderlyingIssues.Where(i => i != ManagerWanted).Select(i => $"also: {PiiMasker.MaskForBrief(i)}"));
        if (UnderlyingIssues.Contains(ManagerWanted) && !Complaint.Contains("manager", StringComparison.OrdinalIgnoreCase))
        {
            parts.Add("you'd like a manager");
        }

        if (RemedyWithAmount() is { } remedy)
        {
            parts.Add($"you'd like {remedy}");
        }

        return string.Join("; ", parts) + ".";
    }

    /// <summary>
    /// The remedy wanted with what it pays ("a full refund (£89.00)"), or the customer's own words in quotes
    /// ("“just send me a new shade”"); null when none is wanted. A title that already names the amount ("a refund of
    /// the £12.00 you were overcharged") is not followed by it again.
    /// </summary>
    public string? RemedyWithAmount() =>
        RemedyWanted is null ? null
        : RemedyInOwnWords ? $"“{RemedyWanted}”"
        : RemedyAmountText is { } amount && !RemedyWanted.Contains(amount, StringComparison.Ordinal) ? $"{RemedyWanted} ({amount})" : RemedyWanted;

    /// <summary>How the customer's brief names what each answer is, in plain words.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["category"] = "about",
        ["order_number"] = "order number",
        ["device"] = "app or device",
        ["symptom"] = "what happens",
        ["signin"] = "at sign-in",
        ["purchase"] = "what it's for",
    };

    private static string OneLine(SupportCase supportCase, string categoryTitle)
    {
        var mirrored = PiiMasker.MaskForBrief(supportCase.Mirrored is { Length: > 0 } m ? m : supportCase.Complaint ?? string.Empty);
        if (string.IsNullOrWhiteSpace(supportCase.Complaint))
        {
            return "asked for a person before saying what it is about";
        }

        return mirrored.Length == 0 ? categoryTitle : $"{categoryTitle}: {mirrored.Replace("your ", "their ", StringComparison.Ordinal)}";
    }

    /// <summary>
    /// "No I haven't contacted you before", "nope": nothing tried, said plainly. What the bot kept with its reason
    /// ("nothing: it arrived that way", "nothing needed") stays as it is.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:no|nope|nah|nothing|none|not\s+yet|not\s+really|(?:i\s+)?(?:haven'?t|have\s+not|didn'?t|did\s+not))\b(?![^.!?]*:)(?![^.!?]*\b(?:needed|but|except|apart|tried|restart\w*|reinstall\w*|reset|called|rang|emailed|updated|unplugged|cleared)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NothingTried();
}

using SupportBot.Core.Activities;

namespace SupportBot.Core.Support;

/// <summary>Builds the <see cref="CaseSummary"/> a colleague receives, masking card numbers and similar details.</summary>
public static class CaseSummaries
{
    public static CaseSummary Build(SupportCase supportCase, UserProfile profile, Activity activity, SupportCatalog catalog, HandoffReason reason, string? approvalReason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(catalog);
        var category = catalog.Category(supportCase.Category ?? SupportCatalog.Other);
        var complaint = PiiMasker.Mask(supportCase.Complaint ?? string.Empty);
        return new CaseSummary
        {
            CaseId = supportCase.CaseId,
            CustomerName = supportCase.FullName ?? profile.Name ?? "(name not given)",
            CustomerId = activity.From?.Id ?? string.Empty,
            ChannelId = activity.ChannelId ?? string.Empty,
            ConversationId = activity.Conversation?.Id ?? string.Empty,
            Tier = profile.Tier,
            Category = category.Id,
            CategoryTitle = category.Title,
            Complaint = complaint,
            Problem = OneLine(supportCase, category),
            Answers = supportCase.Answers,
            AlreadyTried = supportCase.Answers.FirstOrDefault(a => a.QuestionId == "tried")?.Answer,
            UnderlyingIssues = supportCase.UnderlyingIssues,
            Moods = supportCase.Moods,
            MoodTrend = EmpathyPicker.Trend(supportCase.Moods),
            RemediesOffered = [.. supportCase.RemediesOffered.Where(catalog.Remedies.ContainsKey).Select(id => catalog.Remedies[id].Title)],
            RemedyWanted = supportCase.RemedyWanted,
            Amount = supportCase.Amount,
            ApprovalReason = approvalReason,
            Reason = reason,
            DoNotAskAgain = [.. supportCase.Answers.Select(a => a.Question), .. supportCase.Complaint is null ? Array.Empty<string>() : ["What happened?"]],
            CustomerAddition = supportCase.CustomerAddition is { } added ? PiiMasker.Mask(added) : null,
            CreatedAt = now,
        };
    }

    /// <summary>The brief as the customer reviews it before the handoff: the problem, their answers, what else, the remedy wanted.</summary>
    public static string Brief(CaseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var parts = new List<string> { $"“{summary.Complaint}”" };
        // Answers the complaint itself gave are already in the quote.
        parts.AddRange(summary.Answers
            .Where(a => a.QuestionId != "tried" && PiiMasker.Mask(a.Answer) != summary.Complaint)
            .Select(a => $"{a.QuestionId.Replace('_', ' ')}: {PiiMasker.Mask(a.Answer)}"));
        if (summary.AlreadyTried is { } tried)
        {
            parts.Add($"already tried: {PiiMasker.Mask(tried)}");
        }

        parts.AddRange(summary.UnderlyingIssues.Select(i => $"also: {PiiMasker.Mask(i)}"));
        if (summary.RemedyWanted is { } remedy)
        {
            parts.Add($"you'd like {remedy}");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string OneLine(SupportCase supportCase, Category category)
    {
        var mirrored = supportCase.Mirrored is { Length: > 0 } m ? PiiMasker.Mask(m) : PiiMasker.Mask(supportCase.Complaint ?? string.Empty);
        return mirrored.Length == 0 ? category.Title : $"{category.Title}: {mirrored.Replace("your ", "their ", StringComparison.Ordinal)}";
    }
}

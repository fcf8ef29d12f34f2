using SupportBot.Core.Activities;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Cases;

/// <summary>
/// The one record of a customer's case: who they are, what happened in their words, what the bot asked and learned,
/// how they felt at each turn, the remedy they want, and where the case stands with a colleague. The conversation
/// keeps it in its state; the desk and the follow-up schedule keep the same record; the brief a colleague reads is a
/// view of it (<see cref="CaseSummary.Of"/>). Text a customer wrote is masked (<see cref="PiiMasker"/>) before it is kept.
/// </summary>
public sealed class SupportCase
{
    public string CaseId { get; set; } = string.Empty;

    public string? FullName { get; set; }

    public string? FirstName { get; set; }

    public string CustomerId { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    /// <summary>The customer's tier when the case opened (standard, gold, platinum).</summary>
    public string Tier { get; set; } = "standard";

    /// <summary>True when the bot had to ask the customer's name (it then asks what happened without a second welcome).</summary>
    public bool NameAsked { get; set; }

    /// <summary>True when the customer asked for a person before saying what it is about (they are asked once, in a line).</summary>
    public bool AskedForPersonFirst { get; set; }

    /// <summary>The problem in the customer's own words (their first description).</summary>
    public string? Complaint { get; set; }

    /// <summary>The problem turned to face the customer, for empathy lines ("your refund still hasn't arrived").</summary>
    public string? Mirrored { get; set; }

    /// <summary>What the customer feels most negatively about, when the analyzer names it ("your refund").</summary>
    public string? Target { get; set; }

    public string? Category { get; set; }

    /// <summary>The category's title as the catalog named it when it was set.</summary>
    public string? CategoryTitle { get; set; }

    /// <summary>True when the category was picked by the customer rather than recognized.</summary>
    public bool CategoryAsked { get; set; }

    /// <summary>True when the customer suggested something ("you should add live broadcasts") rather than told a problem.</summary>
    public bool Suggestion { get; set; }

    public List<ClarifyingAnswer> Answers { get; set; } = [];

    /// <summary>True once the customer asked twice what the bot will do: no more questions, straight to the fix.</summary>
    public bool WantsTheFix { get; set; }

    public List<string> UnderlyingIssues { get; set; } = [];

    /// <summary>How the customer felt at each of their turns, in order.</summary>
    public List<MoodReading> Moods { get; set; } = [];

    /// <summary>Ids of the prompt variants already said, so no empathy line is repeated.</summary>
    public List<string> UsedPromptIds { get; set; } = [];

    /// <summary>The titles of the remedies offered, best for the customer first.</summary>
    public List<string> RemediesOffered { get; set; } = [];

    public string? RemedyId { get; set; }

    /// <summary>
    /// What the customer asked for before any remedy was offered ("refund the delivery" when asked if anything else
    /// bothers them): picks the remedy when it is among those offered, so they are not asked to choose it again.
    /// </summary>
    public string? RemedyAsked { get; set; }

    /// <summary>The remedy the customer wants: the catalog's title, or their own words when none suited them.</summary>
    public string? RemedyWanted { get; set; }

    /// <summary>What the thing the case is about cost (or was charged), as the customer said; a delivery fee or other charge is not it.</summary>
    public decimal? Amount { get; set; }

    /// <summary>The currency of <see cref="Amount"/> (ISO 4217 code).</summary>
    public string? Currency { get; set; }

    /// <summary>What <see cref="Amount"/> is for, in the customer's words, when they said ("lamp").</summary>
    public string? AmountFor { get; set; }

    /// <summary>Other amounts the customer mentioned, formatted with what they were for ("£12.00 express delivery charge").</summary>
    public List<string> OtherAmounts { get; set; } = [];

    /// <summary>The delivery fee the customer mentioned, when they did: what a remedy paying for delivery pays back.</summary>
    public MoneyAmount? DeliveryFee { get; set; }

    /// <summary>What the chosen remedy's money is for (its <c>pays_for</c>), when it pays money.</summary>
    public MoneyPurpose? RemedyPaysFor { get; set; }

    /// <summary>
    /// Whether the customer can open the emails sent to the address on their account (asked before a reset link by
    /// email is offered, or known from what they wrote); null when not known.
    /// </summary>
    public bool? EmailWorks { get; set; }

    /// <summary>The delivery ids of the actions granted remedies need that are not confirmed done yet.</summary>
    public List<string> ActionsUnderway { get; set; } = [];

    /// <summary>What the customer has been told about those actions ("dlv_…:done"), so nothing is told twice.</summary>
    public List<string> OutcomesTold { get; set; } = [];

    /// <summary><see cref="Amount"/> with its currency ("£89.00"), or null.</summary>
    public string? AmountText() => Amount is { } value ? MoneyFormatter.Format(value, Currency ?? "USD") : null;

    /// <summary>What the chosen remedy pays, with its currency, when it pays money and the amount is known.</summary>
    public MoneyAmount? RemedyAmount() => RemedyPaysFor is { } purpose ? CaseAmounts.For(this, purpose) : null;

    /// <summary>The remedy wanted with what it pays ("a full refund (£89.00)"), or null when none is wanted yet.</summary>
    public string? RemedyText() => CaseSummary.Of(this).RemedyWithAmount();

    public bool Resolved { get; set; }

    /// <summary>True when, offered a remedy, the customer said nothing needs doing ("I'm happy to wait").</summary>
    public bool NothingWanted { get; set; }

    public int? Rating { get; set; }

    /// <summary>True when this conversation continues a case a colleague already has.</summary>
    public bool FollowsOpenCase { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>What the customer fixed or added when shown the brief before the handoff.</summary>
    public string? CustomerAddition { get; set; }

    /// <summary>Why the case went to a colleague, once it has.</summary>
    public HandoffReason? HandoffReason { get; set; }

    /// <summary>Why the remedy needs a colleague's approval, when it does.</summary>
    public string? ApprovalReason { get; set; }

    /// <summary>When the case was handed to a colleague.</summary>
    public DateTimeOffset? HandedOverAt { get; set; }

    /// <summary>True from the handover until the colleague decides, hands back or closes the case.</summary>
    public bool WithColleague { get; set; }

    /// <summary>The colleague who joined the conversation, once one has.</summary>
    public string? Agent { get; set; }

    /// <summary>When a colleague first joined the conversation after the handover.</summary>
    public DateTimeOffset? AgentJoinedAt { get; set; }

    /// <summary>The remedies granted, in order: by the bot, or by a colleague's decision.</summary>
    public List<GrantedRemedy> Granted { get; set; } = [];

    /// <summary>How many of the bot's lines went by since one named the customer (large before any did).</summary>
    public int LinesSinceNamed { get; set; } = CaseVoice.NameEvery;

    /// <summary>A new case for the customer of <paramref name="activity"/>.</summary>
    public static SupportCase Open(Activity activity, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new SupportCase
        {
            CaseId = caseId,
            OpenedAt = now,
            CustomerId = activity.From?.Id ?? string.Empty,
            ChannelId = activity.ChannelId ?? string.Empty,
            ConversationId = activity.Conversation?.Id ?? string.Empty,
        };
    }

    /// <summary>Sets the customer's name (and first name, used to address them).</summary>
    public void Name(string? fullName)
    {
        // "priya" typed in lower case is addressed as "Priya"; "Dana de Vries" stays as written.
        FullName = string.IsNullOrWhiteSpace(fullName) ? null
            : fullName.Any(char.IsUpper) ? fullName.Trim()
            : string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        FirstName = FullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
    }

    /// <summary>Everything the customer has said about the case so far, oldest first, for spotting answers given before the question.</summary>
    public IEnumerable<string> Said() =>
        new[] { Complaint }.Concat(Answers.Where(a => !a.SaysNothing).Select(a => a.Words ?? a.Answer)).Concat(UnderlyingIssues).OfType<string>().Distinct();
}

using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>What the support conversation works with: wording, catalog, sentiment, settings, the case's state, and handing over.</summary>
public sealed partial class SupportServices
{
    /// <summary>How likely a category must be, to the reader, to be offered as a button when the bot asks.</summary>
    private const double MinimumLikelihood = 0.05;

    /// <summary>How many words an answer to the category question needs before the reader, not only the keywords, reads it.</summary>
    private const int MinimumWordsToRead = 3;

    private readonly Func<SupportCatalog> _catalog;
    private readonly Func<AnswerReader>? _answers;

    public SupportServices(PromptSource prompts, Func<SupportCatalog> catalog, ISentimentAnalyzer sentiment, SupportOptions options, ConversationState conversationState, UserState userState, HandoffServices? handoff = null, IMessageReader? reader = null, Func<AnswerReader>? answers = null, FulfilmentOptions? fulfilment = null)
    {
        Fulfilment = fulfilment ?? new FulfilmentOptions();
        Reader = reader;
        _catalog = catalog;
        _answers = answers;
        Sentiment = sentiment;
        Options = options;
        Voice = new CaseVoice(prompts);
        Cases = new CaseState(conversationState, userState);
        Handoff = handoff ?? new HandoffServices();
    }

    /// <summary>The catalog in force (it may be reloaded while the bot runs).</summary>
    public SupportCatalog Catalog => _catalog();

    public ISentimentAnalyzer Sentiment { get; }

    public SupportOptions Options { get; }

    /// <summary>Says things the bot's way, through the prompt catalog.</summary>
    public CaseVoice Voice { get; }

    /// <summary>The conversation's case and the customer's profile.</summary>
    public CaseState Cases { get; }

    /// <summary>
    /// The currency of an amount written without one in <paramref name="supportCase"/>: the one the customer has
    /// used there ("£12.99" earlier makes a later "9.99" pounds), else <c>Support:Currency</c>.
    /// </summary>
    public string CurrencyOf(SupportCase? supportCase) => CaseAmounts.CurrencyOf(supportCase, Options.Currency);

    /// <summary>The trained reader of messages (category, kind, a request for a person); none: the catalog's keywords alone.</summary>
    public IMessageReader? Reader { get; }

    /// <summary>
    /// The category of <paramref name="text"/> when it is clear enough not to ask: the trained reader's when it is
    /// confident, else the catalog's keywords when they point to one category. Null: ask the customer.
    /// </summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="reading"><see cref="Reader"/>'s reading of <paramref name="text"/>; none: the keywords alone.</param>
    public string? ClearCategory(string text, MessageReading? reading) => CategoryClassifier.Decide(text, reading, Catalog);

    /// <summary>
    /// The categories to offer when the bot is unsure of <paramref name="text"/>'s, most likely first: the reader's
    /// likeliest, then those the catalog's keywords point to, filled from the catalog's order to at least three and at
    /// most <paramref name="max"/>, and always "something else" last.
    /// </summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="reading"><see cref="Reader"/>'s reading of <paramref name="text"/>; none: the keywords alone.</param>
    /// <param name="max">How many categories at most, besides "something else".</param>
    public IReadOnlyList<Category> LikelyCategories(string text, MessageReading? reading, int max = 4)
    {
        var catalog = Catalog;
        var tokens = " " + string.Join(' ', Dialogs.Prompts.ChoiceRecognizer.Tokenize(text)) + " ";
        var likely = (reading?.TopCategories.Where(c => c.Probability >= MinimumLikelihood).Select(c => c.Category) ?? [])
            .Concat(catalog.Categories.Where(c => c.Keywords.Any(k => tokens.Contains(" " + k + " ", StringComparison.Ordinal))).Select(c => c.Id))
            .Where(id => id != SupportCatalog.Other && catalog.Categories.Any(c => c.Id == id))
            .Distinct(StringComparer.Ordinal)
            .Take(max)
            .ToList();
        likely.AddRange(catalog.Categories.Select(c => c.Id).Where(id => id != SupportCatalog.Other && !likely.Contains(id)).Take(Math.Max(0, 3 - likely.Count)));
        return [.. likely.Select(catalog.Category), catalog.Category(SupportCatalog.Other)];
    }

    /// <summary>
    /// The category a customer names in words when asked which one fits ("it's the app", "Billing or a charge"),
    /// whether or not it was among the buttons; null when the words don't say.
    /// </summary>
    public string? CategoryInWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetter))
        {
            return null;
        }

        // A few words ("what?", "no idea") are too few for the reader to go on: only the catalog's words count then.
        var titled = Catalog.Categories.FirstOrDefault(c => string.Equals(c.Title, text.Trim().TrimEnd('.', '!'), StringComparison.OrdinalIgnoreCase));
        var words = Dialogs.Prompts.ChoiceRecognizer.Tokenize(text).Count;
        return titled?.Id ?? (words >= MinimumWordsToRead ? ClearCategory(text, Reader?.Read(text)) : CategoryClassifier.Classify(text, Catalog));
    }

    /// <summary>
    /// The line <paramref name="key"/> that says back what the bot caught of the problem ({issue}), or its plain
    /// form (<c>key.plain</c>) when the problem gives no statement to say back: it was told as a question, or could
    /// not be turned into words.
    /// </summary>
    public static string SayingBack(string key, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return string.IsNullOrWhiteSpace(supportCase.Mirrored) || ComplaintReader.ReadsAsQuestion(supportCase.Complaint) ? key + ".plain" : key;
    }

    /// <summary>
    /// A question the customer asked where the bot asked its own ("should I change my password??"): kept on the case
    /// for the colleague, and answered from answers.yaml when it knows, else said to be kept for a proper answer.
    /// </summary>
    public async Task AnswerOrKeepAsync(Bot.TurnContext context, SupportCase supportCase, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        supportCase.UnderlyingIssues.Add(PiiMasker.Mask(question.Trim()));
        await (Answer(question) is { } match
            ? CaseVoice.SayTextAsync(context, AnswerText(match.Answer, supportCase), supportCase, cancellationToken)
            : Voice.SayFreshAsync(context, SupportPrompts.LayersQuestion, supportCase, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Another problem told where the bot asked something else ("also I was charged twice for it" to "when was this?",
    /// "and the double charge??" at the choice of fixes): kept on the case for the fix and said back; false when the
    /// message tells none.
    /// </summary>
    public async Task<bool> HearAnotherProblemAsync(Bot.TurnContext context, SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var another = ComplaintReader.AnotherProblem(text)
            ?? (WhatAbout().Match(text) is { Success: true } about && (SlotReader.NamesFault(about.Groups["rest"].Value) || about.Groups["rest"].Value.Contains("charge", StringComparison.OrdinalIgnoreCase)
                || about.Groups["rest"].Value.Contains(" fee", StringComparison.OrdinalIgnoreCase)) ? about.Groups["rest"].Value.Trim() : null);
        if (another is null)
        {
            return false;
        }

        supportCase.UnderlyingIssues.Add(PiiMasker.Mask(another));
        await TakeAmountsAsync(context, supportCase, text, cancellationToken).ConfigureAwait(false);
        // Said back only when it is safe to say ("also this is f***ing useless" is noted, not quoted).
        await (ComplaintReader.Mirror(another) is { Length: > 0 } said
            ? Voice.SayFreshAsync(context, SupportPrompts.AcknowledgeLayer, supportCase, cancellationToken, ("issue", said))
            : Voice.SayFreshAsync(context, SupportPrompts.Noted, supportCase, cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>"And the double charge??", "what about the late fee?": a problem raised by naming it.</summary>
    [GeneratedRegex(@"^\s*(?:(?:and|but|so|ok|okay)[\s,]+)?(?:what\s+about|how\s+about|and)\s+(?<rest>(?:the|my|that|this|those|these)\s+[^?.!]{3,60}?)\s*\?+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WhatAbout();

    /// <summary>
    /// "I need help with my account", then "o.reilly@gmail.com. I can't log in and there's a payment I don't recognise":
    /// when the complaint named no fault and an answer tells one beside its value, that is the complaint now, heard
    /// as the first one would be (the feeling read, an empathy line). False when it tells none.
    /// </summary>
    public async Task<bool> HearProblemToldAsync(Bot.TurnContext context, SupportCase supportCase, string answer, SlotValue found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(found);
        if (SlotReader.NamesFault(supportCase.Complaint) || SeriousMatterReader.IsSerious(answer) || SlotReader.Beyond(answer, found.Words) is not { } told || !SlotReader.NamesFault(told))
        {
            return false;
        }

        supportCase.Complaint = PiiMasker.Mask($"{supportCase.Complaint?.Trim().TrimEnd('.')}. {char.ToUpperInvariant(told[0])}{told[1..]}".TrimStart('.', ' '));
        supportCase.Mirrored = ComplaintReader.Mirror(PiiMasker.Mask(told), complaint: true);
        await ReadMoodAsync(supportCase, told, cancellationToken).ConfigureAwait(false);
        await Voice.EmpathizeAsync(context, supportCase, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// "Orders I didn't make", "it caught fire", "someone in germany logged in to my account": the serious line (a
    /// frustration or disappointment line would make light of it), then what they can do themselves at once, before
    /// anything else: keep away from the sparks, block the card, change the password.
    /// </summary>
    public async Task SaySeriousAsync(Bot.TurnContext context, SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        await Voice.SayFreshAsync(context, SupportPrompts.EmpathySerious, supportCase, cancellationToken).ConfigureAwait(false);
        var advice = SeriousMatterReader.IsDanger(text) ? HandoffPrompts.SafetyAdvice
            : SeriousMatterReader.IsFraud(text) ? HandoffPrompts.FraudAdvice
            : null;
        if (advice is not null)
        {
            await Voice.SayAsync(context, advice, supportCase, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A clarifying question as the brief lists it: its first wording, without the customer's name.</summary>
    public string QuestionText(string question) => Voice.Wording(SupportPrompts.Question(question)) ?? question;

    /// <summary>
    /// The admins' answer to <paramref name="question"/> (<c>dialogs/catalog/answers.yaml</c>), or null when none fits
    /// well enough. An answer that lists categories is not given to a question filed under another one ("how do I
    /// reset my password?" gets no returns answer); a plain question, or one whose category is unclear, can get any.
    /// </summary>
    public AnswerMatch? Answer(string? question) =>
        string.IsNullOrWhiteSpace(question) ? null : Answer(question, ClearCategory(question, Reader?.Read(question)));

    private AnswerMatch? Answer(string question, string? category) =>
        _answers?.Invoke().Match(question) is { } match
        && (match.Answer.Categories.Count == 0 || category is null || category == SupportCatalog.Question || match.Answer.Categories.Contains(category))
            ? match
            : null;

    /// <summary>
    /// Whether <paramref name="text"/> is a plain question rather than a complaint: filed under the catalog's question
    /// category; or asked as a question (its kind, or "how do I…") without strong feeling, when an answer covers it
    /// or the reader takes it for a plain question though the catalog's keywords point elsewhere ("do you price
    /// match?"). A question about a problem ("I ordered a lamp last week, where is it?") or asked upset or furious ("why
    /// was I charged twice?!") is a problem to put right, and goes through the complaint.
    /// </summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="reading"><see cref="Reader"/>'s reading of <paramref name="text"/>, if there is a reader.</param>
    /// <param name="category">Its clear category (<see cref="ClearCategory"/>), null when unclear.</param>
    /// <param name="mood">How the customer feels in it.</param>
    public bool AsksQuestion(string text, MessageReading? reading, string? category, MoodReading mood)
    {
        ArgumentNullException.ThrowIfNull(mood);
        if (category == SupportCatalog.Question)
        {
            return true;
        }

        if (mood.Heat >= 2)
        {
            return false;
        }

        // "whats ur returns policy" reads as too short to tell, but it opens as a question: an answer that covers it is given.
        if (reading is { Kind: MessageKind.Unclear } && OpensAsQuestion().IsMatch(text))
        {
            return Answer(text, category) is not null;
        }

        if (!(ComplaintReader.AsksHowTo(text) || reading is { Kind: MessageKind.Question }))
        {
            return false;
        }

        // A calm question the reader is unsure of, with "question" among its two likeliest categories, is served as one.
        return reading?.Category == SupportCatalog.Question || Answer(text, category) is not null
            || (reading is { IsConfident: false } && reading.TopCategories.Any(c => c.Category == SupportCatalog.Question));
    }

    /// <summary>How granted remedies are carried out: the business systems' webhooks (none: colleagues carry every action out).</summary>
    public FulfilmentOptions Fulfilment { get; }

    /// <summary>The desk, check-ins, availability and contact centers.</summary>
    public HandoffServices Handoff { get; }

    /// <summary>Reads how the customer feels in <paramref name="text"/> and adds it to the case's trajectory.</summary>
    public async Task ReadMoodAsync(SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var result = await Sentiment.AnalyzeAsync(text, cancellationToken).ConfigureAwait(false);
        supportCase.Moods.Add(EmpathyPicker.Read(supportCase.Moods.Count + 1, result, text));
        // What upsets them is a thing of theirs to sort out ("your refund", "your router"); not a person ("your
        // technician") nor whatever else the words were near ("your box" the courier should have used).
        if (result.Targets.FirstOrDefault(t => t.Label == SentimentLabel.Negative && IsTheirThing(t.Text)) is { } target)
        {
            supportCase.Target ??= "your " + target.Text;
        }
    }

    /// <summary>
    /// What a case is about, which lines such as "sort {target} out" may name. Not "service": "your service is so bad"
    /// is about ours, and "I'm sorry you've had to deal with your service going wrong" would hand it back to them.
    /// </summary>
    private static readonly HashSet<string> CaseThings = new(StringComparer.OrdinalIgnoreCase)
    {
        "refund", "order", "parcel", "package", "delivery", "account", "payment", "bill", "charge", "subscription", "booking", "appointment",
        "app", "internet", "connection", "broadband", "password", "card", "money", "item", "product", "invoice", "plan", "flight",
    };

    private static bool IsTheirThing(string target) =>
        CaseThings.Contains(target) || Understanding.Entities.ProductReader.ReadFirst("my " + target) is not null;

    /// <summary>Adds a calm turn to the case's trajectory: a reply with no feeling in it to read ("no", "$120").</summary>
    public static void ReadCalmTurn(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        supportCase.Moods.Add(new MoodReading(supportCase.Moods.Count + 1, "neutral", 0, 0, []));
    }

    /// <summary>
    /// Keeps the amounts in what the customer wrote (<see cref="CaseAmounts"/>) and, when they corrected the amount,
    /// says what changed.
    /// </summary>
    public async Task TakeAmountsAsync(Bot.TurnContext context, SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CaseAmounts.Take(supportCase, text, CurrencyOf(supportCase), context.TimeProvider.GetUtcNow()) is { } changed)
        {
            await Voice.SayAsync(context, SupportPrompts.AmountCorrected, supportCase, cancellationToken, ("amount", changed), ("item", supportCase.AmountFor ?? "it")).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// "Wait no, it was 54 dollars not 45" once the remedy went out, or was paid, with the earlier amount: the case takes
    /// the new amount, the customer hears it, and the colleague's note says what changed. False when the text changes
    /// nothing of what the remedy pays.
    /// </summary>
    public async Task<bool> CorrectPaidAmountAsync(Bot.TurnContext context, SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(supportCase);
        if (supportCase.RemedyAmount() is not { } paid
            || CaseAmounts.Take(supportCase, context.Activity.Text, CurrencyOf(supportCase), context.TimeProvider.GetUtcNow()) is not { } changed
            || supportCase.RemedyAmount() is not { } now || (now.Value == paid.Value && now.Currency == paid.Currency))
        {
            return false;
        }

        supportCase.UnderlyingIssues.Add($"the amount is {now}, not {paid} as first requested: {PiiMasker.Mask(context.Activity.Text!.Trim())}");
        await Voice.SayAsync(context, SupportPrompts.AmountCorrected, supportCase, cancellationToken, ("amount", changed), ("item", supportCase.AmountFor ?? "it")).ConfigureAwait(false);
        return true;
    }

    /// <summary><paramref name="answer"/>'s text as the customer reads it: their name and when colleagues are there filled in.</summary>
    public string AnswerText(Answer answer, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(supportCase);
        return PromptCatalog.Fill(AnswerFileLoader.Variables, answer.Text, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase.FirstName,
            ["hours"] = Handoff.TeamHours(),
        });
    }

    /// <summary>Files the case under <paramref name="categoryId"/> (the catalog's "other" when unknown).</summary>
    public void SetCategory(SupportCase supportCase, string? categoryId)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var category = Catalog.Category(categoryId ?? SupportCatalog.Other);
        supportCase.Category = categoryId is null ? null : category.Id;
        supportCase.CategoryTitle = category.Title;
    }

    [GeneratedRegex(@"^\W*(?:(?:hi|hello|hey)[\s,!.]+)?(?:what|whats|wats|what's|how|when|where|which|do|does|can|could|is|are|will)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensAsQuestion();
}

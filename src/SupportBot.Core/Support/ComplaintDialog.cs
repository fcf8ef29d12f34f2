using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// "What happened?": the customer tells the problem in their own words; the bot acknowledges the feeling before the
/// problem, then works out the category, asking only when unsure (the likeliest few as buttons, any in words).
/// A customer who asked for a person first is asked once what it is about, in a line. Ends with a
/// <see cref="HandoffRequest"/> when the case must go to a person (a follow-up on a case a colleague has, a request
/// for a person, or no usable answer).
/// </summary>
public sealed partial class ComplaintDialog : CaseDialog
{
    private readonly SupportServices _services;

    public ComplaintDialog(SupportServices services)
        : base(nameof(ComplaintDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AskWhatHappenedAsync, AcknowledgeAsync, TakeCategoryAsync);

        // The likeliest categories are the buttons; an answer in words may name any category, shown or not.
        AddDialog(new ChoicePrompt(CategoryPrompt, RecognizeCategoryAsync) { MaxAttempts = services.Options.MaxAttempts });
    }

    /// <summary>
    /// A button, or words that name any category. "I already told you" is answered rather than met with "I didn't
    /// catch that": the bot says what it has and why it still asks, with the same buttons.
    /// </summary>
    private async Task<bool> RecognizeCategoryAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Context.Activity.Text;
        if (prompt.Recognized.Succeeded || _services.CategoryInWords(text) is not null)
        {
            return true;
        }

        if (AlreadyToldReader.OnlyReminds(text) && prompt.Options.Choices is { } choices)
        {
            var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
            var line = Voice.Line(prompt.Context, SupportServices.SayingBack(SupportPrompts.CategoryAlreadyTold, supportCase), supportCase);
            var buttons = new SuggestedActions { Actions = [.. choices.Select(c => CardAction.ImBack(c.Title ?? c.Value))] };
            await prompt.Context.SendActivityAsync(line with { SuggestedActions = buttons, InputHint = InputHints.ExpectingInput }, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private const string CategoryPrompt = "category";

    private async Task<DialogTurnResult> AskWhatHappenedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var start = step.GetOptions<ComplaintStart>() ?? new ComplaintStart();
        if (start.Complaint is { } told)
        {
            return await step.NextAsync(told, cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (start.WantsPerson)
        {
            // "Agent please" before anything else: a person it is; one line on what it's about lets them start straight away.
            supportCase.AskedForPersonFirst = true;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, HandoffPrompts.AskTopic, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (start.AskedIfBot)
        {
            // "Is this a bot?" before anything else: yes, and how to reach a person; then what it's about.
            await Voice.SayAsync(step.Context, SupportPrompts.BotIdentity, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.AfterBotIdentity, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (start.Praised)
        {
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.Praised, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (start.Vague is not null && !(start.GreetedBack && start.Vague.Length > 0))
        {
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.TellMeMore, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (start.GreetedBack)
        {
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.GreetedBack, supportCase), cancellationToken).ConfigureAwait(false);
        }

        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var prompt = supportCase.FollowsOpenCase && profile.OpenCase is { } open
            ? Voice.Ask(step.Context, SupportPrompts.OpenCaseUpdate, supportCase, ("open_case", open.Problem))
            : Voice.Ask(step.Context, supportCase.NameAsked ? SupportPrompts.WhatHappened : profile.Cases > 0 ? SupportPrompts.WelcomeBack : SupportPrompts.Welcome, supportCase);
        return await step.PromptAsync(Text, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AcknowledgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string complaint)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        if (InterruptionRecognizer.OnlyGreets(complaint) || !complaint.Any(char.IsLetterOrDigit))
        {
            // "hi" (or "???") after the bot's greeting is a greeting back, not the problem: greet them and ask again;
            // a second "hello??" gets asked plainly what's going on.
            switch (step.GetOptions<ComplaintStart>())
            {
                case null or { GreetedBack: false } and { WantsPerson: false }:
                    return await step.ReplaceDialogAsync(StepsId, new ComplaintStart(GreetedBack: true, Vague: step.GetOptions<ComplaintStart>()?.Vague), cancellationToken).ConfigureAwait(false);
                case { Vague: null, WantsPerson: false }:
                    return await step.ReplaceDialogAsync(StepsId, new ComplaintStart(GreetedBack: true, Vague: string.Empty), cancellationToken).ConfigureAwait(false);
                case { WantsPerson: false } nudged:
                    // Three times nothing to go on ("Awaiting response", "???", "hello??"): a person answers rather than a fourth question.
                    var waiting = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
                    waiting.Complaint = string.IsNullOrWhiteSpace(nudged.Vague) ? null : PiiMasker.Mask(nudged.Vague);
                    return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood, Review: false), cancellationToken).ConfigureAwait(false);
            }
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.GetOptions<ComplaintStart>() is { Praised: true } && InterruptionRecognizer.OnlyThanksOrNo(complaint))
        {
            // Thanked for their kind words and asked if there's anything else: "no, that's all" ends it kindly.
            await Voice.SayAsync(step.Context, SupportPrompts.QuestionLeft, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
        }

        var wantsPerson = step.GetOptions<ComplaintStart>() is { WantsPerson: true };
        if (wantsPerson && ComplaintReader.DeclinesToSay(complaint))
        {
            // "Just get me a person": no brief to show; the colleague will ask.
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        // One reading of the complaint answers all three: whether it says enough, whether they ask for a person, and its category.
        // "Good evening, my package hasn't arrived": read and said back without the greeting, whose "good" is no praise.
        var told = InterruptionRecognizer.WithoutGreeting(complaint);
        var reading = _services.Reader?.Read(told);
        var category = _services.ClearCategory(told, reading);
        var vague = step.GetOptions<ComplaintStart>()?.Vague;
        if (vague is null && !wantsPerson && !supportCase.FollowsOpenCase && SaysTooLittle(complaint, reading, category))
        {
            // "I need some help": nothing to put right yet, so no empathy for a problem not told; ask what's going on, once.
            return await step.ReplaceDialogAsync(StepsId, new ComplaintStart(Vague: complaint), cancellationToken).ConfigureAwait(false);
        }

        supportCase.Complaint = PiiMasker.Mask(string.IsNullOrWhiteSpace(vague) ? complaint : $"{vague.Trim().TrimEnd('.')}. {char.ToUpperInvariant(complaint.Trim()[0])}{complaint.Trim()[1..]}");
        if (AlsoClause().Match(complaint) is { Success: true } also && ComplaintReader.IsMirrorable(also.Groups["rest"].Value))
        {
            // "Two things: a charge I don't recognise, and also my parcel hasn't arrived": the second is kept on the case
            // as its own issue, so it is in the brief and never lost behind the first.
            supportCase.UnderlyingIssues.Add(PiiMasker.Mask(also.Groups["rest"].Value.Trim().TrimEnd('.')));
        }

        // A greeting's manners count towards how they feel; the "good" of "good evening" is no praise.
        await _services.ReadMoodAsync(supportCase, told.Length < complaint.Length ? "hello, " + told : complaint, cancellationToken).ConfigureAwait(false);
        if (supportCase.FollowsOpenCase)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.OpenCaseFollowUp), cancellationToken).ConfigureAwait(false);
        }

        var mood = supportCase.Moods[^1];
        if (vague is null && !wantsPerson && step.GetOptions<ComplaintStart>() is not { Praised: true } && OnlyPraises(complaint, reading, mood))
        {
            // "I love your app, thanks guys!": kind words are thanked, not taken for a problem to fix.
            return await step.ReplaceDialogAsync(StepsId, new ComplaintStart(Praised: true), cancellationToken).ConfigureAwait(false);
        }

        // "You charged me 54, sorry I mean 45" is said back as they meant it: "we charged you 45".
        supportCase.Mirrored = ComplaintReader.Mirror(PiiMasker.Mask(CorrectionReader.Settled(told, _services.CurrencyOf(supportCase))), complaint: true);
        await _services.TakeAmountsAsync(step.Context, supportCase, complaint, cancellationToken).ConfigureAwait(false);
        var question = _services.AsksQuestion(complaint, reading, category, mood);
        if (question && reading is { IsConfident: true } sure && ActsOn().IsMatch(complaint) && _services.Catalog.Category(sure.Category).Remedies.Count > 0
            && _services.Answer(complaint) is null)
        {
            // "Want to return some headphones, how do I do it?" with no answer that covers it: a return to arrange, with
            // its remedies (a prepaid label), not a question to pass to a colleague.
            (question, category) = (false, sure.Category);
        }

        // "You should have a way to broadcast live": an idea, calmly put, is thanked and can go to a colleague; no problem to
        // fix. A request for something done ("can I swap them?", "switch my plan to the cheaper one") is no idea.
        supportCase.Suggestion = !question && !wantsPerson && reading is { Kind: MessageKind.Request, WantsPerson: false }
            && category is null or SupportCatalog.Other && mood.Heat <= 1 && SuggestionWords().IsMatch(complaint);
        question |= supportCase.Suggestion;
        if (supportCase.Suggestion)
        {
            await Voice.SayFreshAsync(step.Context, SupportPrompts.SuggestionThanks, supportCase, cancellationToken).ConfigureAwait(false);
        }
        else if (SeriousMatterReader.IsSerious(supportCase.Complaint))
        {
            await _services.SaySeriousAsync(step.Context, supportCase, supportCase.Complaint, cancellationToken).ConfigureAwait(false);
        }
        else if (question && mood.Heat <= 1)
        {
            // A calm or mildly bothered question needs no empathy for a problem, just a word that it was heard.
            await Voice.SayFreshAsync(step.Context, SupportPrompts.QuestionAcknowledge, supportCase, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Voice.EmpathizeAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);
        }

        if (wantsPerson)
        {
            // They told it in the line asked for: filed under its category when clear, and no brief to review but that line.
            _services.SetCategory(supportCase, category);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked, Review: false), cancellationToken).ConfigureAwait(false);
        }

        if (reading?.WantsPerson ?? PersonRequestRecognizer.AsksForPerson(complaint))
        {
            HandoffHandler.NoteManager(supportCase, complaint);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        if ((question ? SupportCatalog.Question : category) is { } clear)
        {
            _services.SetCategory(supportCase, clear);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (SeriousMatterReader.IsSerious(supportCase.Complaint))
        {
            // "It started sparking": a person takes it at once, so which category it is can wait for them.
            _services.SetCategory(supportCase, reading?.Category ?? SupportCatalog.Other);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.CategoryAsked = true;
        var options = Voice.Ask(step.Context, SupportPrompts.CategoryAsk, supportCase) with
        {
            RetryPrompt = Voice.Line(step.Context, SupportPrompts.CategoryRetry, supportCase),
            Choices = [.. _services.LikelyCategories(complaint, reading).Select(c => new Choice(c.Id) { Title = c.Title, Synonyms = c.Keywords })],
        };
        return await step.PromptAsync(CategoryPrompt, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a first message says too little to act on: the reader finds no problem in it ("I need some help",
    /// "Awaiting response", "DM sent"), or it is a few words filed under nothing in particular ("please fix it").
    /// </summary>
    private static bool SaysTooLittle(string complaint, MessageReading? reading, string? category)
    {
        if (reading is null || reading.WantsPerson || (category is not null && category != SupportCatalog.Other))
        {
            return false;
        }

        // "My tv wont turn on" is short, and says what's wrong: only words that name no fault are too little. So does
        // money with its currency written ("you took 40 quid off me twice"): a charge to put right, whatever the shop's
        // currency, so a bare number never counts.
        if (SlotReader.NamesFault(complaint) || MoneyReader.Read(complaint, "USD").Any(m => m.CurrencyWritten))
        {
            return false;
        }

        var words = complaint.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
        return reading.Kind == MessageKind.Unclear || (reading.Kind is MessageKind.Complaint or MessageKind.Request && words <= 6);
    }

    /// <summary>
    /// Whether a first message only praises or thanks ("I love your app, it's been so helpful! Thanks guys"): warm,
    /// neither a question nor a request, and with no "but" that turns it into a problem.
    /// </summary>
    private static bool OnlyPraises(string complaint, MessageReading? reading, MoodReading mood) =>
        reading is { WantsPerson: false, Kind: not (MessageKind.Question or MessageKind.Request) }
        && mood.Feeling == "positive" && !ComplaintReader.TurnsToAProblem(complaint) && !SaysNot().IsMatch(complaint);

    /// <summary>
    /// A "not" that no praise has ("good evening, my package hasn't arrived"); "I can't thank you enough" and "couldn't
    /// be happier" are praise all the same.
    /// </summary>
    [GeneratedRegex(@"\b(?:not|never|cannot|can'?t|couldn'?t|hasn'?t|haven'?t|hadn'?t|didn'?t|doesn'?t|don'?t|isn'?t|wasn'?t|won'?t|wouldn'?t|aren'?t|weren'?t|still\s+waiting)\b(?!\s+(?:thank|fault|be\s+happier|have\s+asked|ask\s+for|recommend|believe\s+how\s+(?:good|quick|fast|easy|helpful|kind)|wait\s+to))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaysNot();

    private async Task<DialogTurnResult> TakeCategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var picked = step.Result is FoundChoice choice ? choice.Value : step.Result is PromptGaveUp ? null : _services.CategoryInWords(step.Context.Activity.Text);
        if (picked is null)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        _services.SetCategory(supportCase, picked);

        // Picked in their own words ("the mail app on my mac"): those words may already answer what comes next.
        var words = step.Context.Activity.Text?.Trim();
        if (ComplaintReader.IsMirrorable(words) && !string.Equals(words, supportCase.CategoryTitle, StringComparison.OrdinalIgnoreCase))
        {
            supportCase.Answers.Add(new ClarifyingAnswer("category", "Which of these is closest to the problem?", PiiMasker.Mask(words)));
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"(?:[,.;!]\s*|\s)(?:and\s+)?(?:also|plus|on top of that|another thing(?: is)?|the other (?:thing|problem|issue) is)[\s,:]+(?<rest>\w.{8,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AlsoClause();

    /// <summary>Words that put forward an idea for the company: "you should", "it would be nice if", "please add", "feature request".</summary>
    [GeneratedRegex(@"\b(?:you(?:\s+guys|\s+all)?\s+(?:should|could|need\s+to|ought\s+to)|(?:it|that)\s+would\s+be\s+(?:nice|great|good|cool|helpful|amazing|awesome)|(?:please|pls|plz)\s+(?:add|bring\s+back|introduce|consider|make\s+it\s+possible)|i\s+(?:suggest|propose)|suggestions?|feature\s+requests?|why\s+(?:not|don'?t\s+you|can'?t\s+you)\s+(?:add|make|have|offer|bring)|(?:could|can|would)\s+you\s+(?:add|introduce|bring\s+back|consider)|(?:would|i'?d)\s+love\s+(?:to\s+see|it\s+if|if|a|an)|an?\s+idea|wish\s+(?:you|there\s+was|there\s+were|it\s+had|it\s+could)|there\s+should\s+be)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuggestionWords();

    /// <summary>"I want to return…", "how do I cancel…", "can I send it back": something to have done, asked as a question.</summary>
    [GeneratedRegex(@"\b(?:(?:want|need|would\s+like|'d\s+like|wanna|trying)\s+to|how\s+(?:do|can|would|should)\s+i|can\s+i)\s+(?:just\s+)?(?:return|cancel|exchange|swap|send\s+(?:it|them|\w+)\s+back|send\s+back|get\s+(?:a\s+)?refund)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActsOn();
}

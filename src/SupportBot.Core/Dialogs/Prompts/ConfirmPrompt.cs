using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>Asks a yes/no question; understands the common English ways to say either, and offers both as suggested actions.</summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "correct", "right", "absolutely",
        "definitely", "certainly", "affirmative", "true", "please", "agreed", "fine", "alright", "1", "👍",
        "thanks", "thank", "thx", "ty", "cheers", "ta", "great", "perfect", "brilliant", "lovely", "awesome", "cool", "sorted", "yess",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "not", "don't", "dont", "do not", "never", "negative", "false", "cancel", "2", "👎",
    };

    private static readonly string[] YesPhrases = ["of course", "go ahead", "do it", "sounds good", "that's right", "please do", "i do", "got it", "that helps", "it did", "it does", "all good"];
    private static readonly string[] NoPhrases = ["no thanks", "not really", "rather not", "i don't", "never mind", "not now"];

    /// <summary>The words on the two buttons; a prompt file may override them through PromptOptions.Choices.</summary>
    public IReadOnlyList<string> ButtonTitles { get; init; } = ["Yes", "No"];

    /// <summary>Words after a "no" that keep a yes a yes: "no problem", "no worries", "no rush".</summary>
    private static readonly string[] NotRefusing = ["problem", "problems", "worries", "worry", "bother", "doubt", "rush", "hurry", "probs"];

    /// <summary>True for yes, false for no, null when the text says neither clearly.</summary>
    public static bool? Recognize(string? text)
    {
        var tokens = ChoiceRecognizer.Tokenize(text);

        // "Oh, ok then yes please", "hmm no": what opens it only clears the throat.
        var opening = tokens.TakeWhile(t => t is "oh" or "ah" or "um" or "umm" or "hmm" or "erm" or "well" or "so" or "err").Count();
        tokens.RemoveRange(0, opening < tokens.Count ? opening : 0);
        if (tokens.Count == 0)
        {
            return null;
        }

        var joined = string.Join(' ', tokens);
        // "Fine, whatever" is not a yes: it gives up on asking. "Yes whatever" still opens with its answer.
        if (NoPhrases.Any(p => joined.StartsWith(p, StringComparison.Ordinal)) || No.Contains(tokens[0])
            || (tokens.Contains("whatever") && tokens[0] is not ("yes" or "yeah" or "yep" or "yup" or "ye" or "yea" or "correct")))
        {
            return false;
        }

        if (YesPhrases.Any(p => joined.StartsWith(p, StringComparison.Ordinal)) || Yes.Contains(tokens[0]))
        {
            // "Fine, no" ends on its answer; "ok, no problem" and "yes, no rush" are still a yes.
            return !tokens.Contains("not") && !tokens.Skip(1).Where((t, i) => t is "no" or "nope" or "nah" && (i + 2 >= tokens.Count || !NotRefusing.Contains(tokens[i + 2]))).Any();
        }

        return null;
    }

    protected override Activity Decorate(Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> titles = options.Choices is { Count: 2 } custom ? custom.Select(c => c.Title ?? c.Value) : ButtonTitles;
        return prompt with { SuggestedActions = new SuggestedActions { Actions = [.. titles.Select(CardAction.ImBack)] } };
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = turnContext.Activity.Text;
        if (options.Choices is { Count: 2 } custom && ChoiceRecognizer.Recognize(text, custom) is { } picked)
        {
            return Task.FromResult(new PromptRecognizerResult<bool>(true, picked.Index == 0));
        }

        return Task.FromResult(Recognize(text) is { } answer ? new PromptRecognizerResult<bool>(true, answer) : PromptRecognizerResult<bool>.Failed);
    }
}

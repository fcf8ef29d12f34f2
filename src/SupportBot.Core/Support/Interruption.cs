using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Support;

/// <summary>Global requests a customer can make at any step, whatever the dialog is waiting for.</summary>
public enum Interruption
{
    None,
    Help,
    StartOver,
    AskForPerson,
}

/// <summary>Recognizes <see cref="Interruption"/>s in a message.</summary>
public static class InterruptionRecognizer
{
    private static readonly string[] HelpPhrases = ["help", "what can you do", "how does this work", "?"];
    private static readonly string[] StartOverPhrases = ["start over", "restart", "start again", "reset", "begin again", "from the top"];
    private static readonly string[] PersonPhrases =
    [
        "talk to a person", "speak to a person", "talk to a human", "speak to a human", "real person", "human", "agent",
        "representative", "operator", "talk to someone", "speak to someone", "speak with someone", "talk with someone",
        "speak to a manager", "talk to a manager", "manager", "supervisor", "live person", "live agent",
    ];

    /// <summary>The interruption the text asks for; only short, direct requests count, so a complaint that mentions an agent is not one.</summary>
    public static Interruption Recognize(string? text)
    {
        var tokens = ChoiceRecognizer.Tokenize(text);
        if (tokens.Count is 0 or > 8)
        {
            return Interruption.None;
        }

        var joined = string.Join(' ', tokens);
        if (HelpPhrases.Contains(joined))
        {
            return Interruption.Help;
        }

        if (StartOverPhrases.Any(p => joined == p || joined.StartsWith(p + " ", StringComparison.Ordinal) || joined.EndsWith(" " + p, StringComparison.Ordinal)))
        {
            return Interruption.StartOver;
        }

        return PersonPhrases.Any(p => ContainsPhrase(joined, p)) ? Interruption.AskForPerson : Interruption.None;
    }

    private static bool ContainsPhrase(string joined, string phrase) =>
        joined == phrase || joined.StartsWith(phrase + " ", StringComparison.Ordinal) || joined.EndsWith(" " + phrase, StringComparison.Ordinal) || joined.Contains(" " + phrase + " ", StringComparison.Ordinal);
}

using System.Text.RegularExpressions;
using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Understanding;

/// <summary>Recognizes <see cref="Interruption"/>s in a message.</summary>
public static partial class InterruptionRecognizer
{
    private static readonly string[] HelpPhrases = ["help", "help me", "what can you do", "how does this work", "?"];
    private static readonly string[] StartOverPhrases = ["start over", "restart", "start again", "reset", "begin again", "from the top", "let's start over", "can we start over"];

    /// <summary>
    /// The interruption the text asks for. Only direct requests count ("agent", "talk to a person", "get me a
    /// manager"), so an answer that merely mentions a manager ("a call from a manager tomorrow") is not one.
    /// </summary>
    public static Interruption Recognize(string? text)
    {
        var tokens = ChoiceRecognizer.Tokenize(text);
        if (tokens.Count is 0 or > 12)
        {
            return Interruption.None;
        }

        var joined = string.Join(' ', tokens.Where(t => t is not ("please" or "now" or "pls")));
        if (HelpPhrases.Contains(joined))
        {
            return Interruption.Help;
        }

        if (StartOverPhrases.Contains(joined))
        {
            return Interruption.StartOver;
        }

        return PersonAlone().IsMatch(joined) || PersonRequest().IsMatch(joined) ? Interruption.AskForPerson : Interruption.None;
    }

    /// <summary>
    /// Whether a message of any length asks for a person somewhere in it ("the app crashed AGAIN. I want to talk to
    /// a person right now"), as a first message often does.
    /// </summary>
    public static bool AsksForPerson(string? text)
    {
        var tokens = ChoiceRecognizer.Tokenize(text);
        return tokens.Count > 0 && PersonRequest().IsMatch(string.Join(' ', tokens));
    }

    /// <summary>Whether the message tells something besides asking for a person ("my app crashed again, get me a person").</summary>
    public static bool SaysMoreThanAskingForPerson(string? text)
    {
        var joined = string.Join(' ', ChoiceRecognizer.Tokenize(text));
        var rest = PersonRequest().Replace(joined, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is not ("please" or "now" or "right" or "just" or "i" or "a" or "to" or "asap" or "immediately" or "and" or "so" or "can" or "you" or "me"));
        return rest.Count() >= 3;
    }

    /// <summary>Whether the message only greets ("hi", "hello there", "good morning!"): no problem told yet.</summary>
    public static bool OnlyGreets(string? text)
    {
        var tokens = ChoiceRecognizer.Tokenize(text);
        return tokens.Count is > 0 and <= 4 && Greeting().IsMatch(string.Join(' ', tokens));
    }

    [GeneratedRegex(@"^(hi|hello|hey|hiya|heya|howdy|yo|hallo|greetings|good (morning|afternoon|evening|day))( there| again| all| team| everyone| bot)?( how are you)?$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(a |an |the |your )?(real |live |actual )?(person|human|agent|manager|supervisor|representative|rep|operator|someone real|human being)$")]
    private static partial Regex PersonAlone();

    [GeneratedRegex(@"\b((talk|speak|chat)( to| with)|connect me( to| with)?|transfer me( to)?|put me through( to)?|get me|give me|i want|i need|i'd like|can i (talk|speak|get|have)|let me (talk|speak))( to| with)? (a |an |the |your |some |someone )?(real |live |actual )?(person|human|agent|manager|supervisor|representative|rep|operator|someone|somebody|human being)\b")]
    private static partial Regex PersonRequest();
}

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
        if (!ChoiceRecognizer.HasAtMostWords(text, 12))
        {
            return Interruption.None;
        }

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

        if (AsksIfBotPhrase().IsMatch(joined))
        {
            return Interruption.AsksIfBot;
        }

        return PersonRequestRecognizer.IsDirectRequest(joined) || PersonRequestRecognizer.SaysBotUseless(joined) ? Interruption.AskForPerson : Interruption.None;
    }

    /// <summary>Whether the message only thanks or says no more ("thanks!", "no that's all", "nope, cheers").</summary>
    public static bool OnlyThanksOrNo(string? text)
    {
        if (!ChoiceRecognizer.HasAtMostWords(text, 6))
        {
            return false;
        }

        var tokens = ChoiceRecognizer.Tokenize(text);
        return tokens.Count > 0 && tokens.All(t => ThanksOrNo.Contains(t));
    }

    private static readonly HashSet<string> ThanksOrNo = new(StringComparer.Ordinal)
    {
        "no", "nope", "nah", "not", "nothing", "that's", "thats", "all", "it", "thanks", "thank", "you", "thx", "ty", "cheers", "ta", "ok",
        "okay", "good", "fine", "great", "lovely", "else", "for", "now", "really", "just", "wanted", "to", "say", "so", "much", "very", "a", "lot",
    };

    /// <summary>Whether the message only greets ("hi", "hello there", "good morning!"): no problem told yet.</summary>
    public static bool OnlyGreets(string? text)
    {
        if (!ChoiceRecognizer.HasAtMostWords(text, 4))
        {
            return false;
        }

        var tokens = ChoiceRecognizer.Tokenize(text);
        return tokens.Count is > 0 and <= 4 && Greeting().IsMatch(string.Join(' ', tokens));
    }

    /// <summary>
    /// The message without the greeting that opens it ("good evening, my package hasn't arrived" is "my package hasn't
    /// arrived"): a salutation is manners, not part of the problem, and "good" in it is no praise.
    /// </summary>
    public static string WithoutGreeting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var opening = OpeningGreeting().Match(text);
        return opening.Success ? text[opening.Length..] : text;
    }

    [GeneratedRegex(@"^\s*(?:(?:hi|hello|hey|hiya|heya|howdy|hallo|greetings|good\s+(?:morning|afternoon|evening|day)|dear\s+(?:sir(?:\s+or\s+madam)?|madam|team|support|all))(?:\s+(?:there|again|all|team|everyone|guys|folks|bot))?[\s,.!:;-]+)+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpeningGreeting();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|heya|howdy|yo|hallo|greetings|good (morning|afternoon|evening|day))( there| again| all| team| everyone| bot)?( how are you)?$")]
    private static partial Regex Greeting();

    /// <summary>"Are you a bot?", "is this a real person", "am I talking to a human or a robot", "are you even real?".</summary>
    [GeneratedRegex(@"^(?:(?:hi|hey|hello|wait|so|ok|okay|lol|seriously|honestly)\s+)*(?:are\s+you|r\s+u|is\s+this|am\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with))\s+(?:even\s+|actually\s+|just\s+|really\s+)?(?:a\s+|an\s+)?(?:real\s+)?(?:bot|robot|chatbot|chat\s+bot|ai|machine|computer|automated|person|human|people|real)(?:\s+or\s+(?:a\s+|an\s+)?(?:real\s+)?(?:bot|robot|ai|person|human|machine))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksIfBotPhrase();
}

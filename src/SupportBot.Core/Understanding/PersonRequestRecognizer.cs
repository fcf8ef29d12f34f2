using System.Buffers;
using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Whether a customer asks for a person. <see cref="IsDirectRequest"/> is strict, for answers in the middle of a
/// conversation ("agent", "get me a manager"); <see cref="AsksForPerson"/> reads a whole message the way customers
/// write on social media: "contact me directly please", "DM me", "who do I contact", "can't reach live help",
/// "would have loved to talk to someone", "your bot is useless".
/// </summary>
public static partial class PersonRequestRecognizer
{
    /// <summary>Every direct request names one of these (someone, somebody, a rep…): a message without any is none, without running the patterns.</summary>
    private static readonly SearchValues<string> People = SearchValues.Create(
        ["person", "human", "agent", "manager", "supervisor", "rep", "operator", "some", "anyone", "staff", "employee", "colleague"], StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="joined"/> (lower-case words joined by single spaces) is a direct request for a
    /// person, alone ("a real person") or with a verb ("can I speak to a manager"), or for a call ("I want a call
    /// back", "call me", "unless a manager calls me"). Mentioning someone ("a call from a manager tomorrow") is not one.
    /// </summary>
    public static bool IsDirectRequest(string joined) =>
        (joined.AsSpan().ContainsAny(People) && (PersonAlone().IsMatch(joined) || PersonRequest().IsMatch(joined) || SomeoneWhoCan().IsMatch(joined)))
        || (joined.Contains("call", StringComparison.Ordinal) && CallBack().IsMatch(joined))
        || (joined.AsSpan().ContainsAny(People) && (PersonToContactMe().IsMatch(joined) || IsTherePerson().IsMatch(joined)));

    /// <summary>
    /// True when <paramref name="joined"/> (lower-case words joined by single spaces) says the bot is no use ("useless
    /// bot", "this bot is rubbish"): whatever was asked, the customer wants a person.
    /// </summary>
    public static bool SaysBotUseless(string joined) => BotUseless().IsMatch(joined);

    /// <summary>True when the message asks for a person, a call, a manager or a DM from staff, or says the bot is no use.</summary>
    public static bool AsksForPerson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var joined = TextFeaturizer.Normalize(text.Length > TextFeaturizer.MaxCharacters ? text[..TextFeaturizer.MaxCharacters] : text).Trim();
        return IsDirectRequest(joined) || Contact().IsMatch(joined) || NoPerson().IsMatch(joined) || BotUseless().IsMatch(joined);
    }

    /// <summary>
    /// Whether a message of any length asks directly for a person somewhere in it ("the thing I paid for isn't there.
    /// is this a bot? can I talk to a real person"), or says the bot is no use; a mention ("a call from a manager
    /// tomorrow") or a complaint that nobody answers is not one.
    /// </summary>
    public static bool RequestsPersonWithin(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var joined = TextFeaturizer.Normalize(text.Length > TextFeaturizer.MaxCharacters ? text[..TextFeaturizer.MaxCharacters] : text).Trim();
        return IsDirectRequest(joined) || BotUseless().IsMatch(joined);
    }

    /// <summary>Whether the message tells something besides asking for a person ("my app crashed again, get me a person").</summary>
    public static bool SaysMoreThanAskingForPerson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var joined = TextFeaturizer.Normalize(text.Length > TextFeaturizer.MaxCharacters ? text[..TextFeaturizer.MaxCharacters] : text).Trim();
        var rest = PersonRequest().Replace(joined, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is not ("please" or "pls" or "now" or "right" or "just" or "i" or "a" or "to" or "asap" or "immediately" or "and" or "so" or "can" or "you" or "me"));
        return rest.Count() >= 3;
    }

    [GeneratedRegex(@"^((i want|i need|i'?d like|i would like|can i (get|have)|could i (get|have)|please|just|give me)( a| an)? )?(call ?back|phone call)( please| now)*$|\b(i want|i need|i'?d like|i would like|can i (get|have)|could i (get|have)|can you (give me|arrange)|arrange|request)( a| an)? (call ?back|phone call)\b|^(please |just )?call me( back)?( please| now| asap)*$")]
    private static partial Regex CallBack();

    /// <summary>"Unless a manager calls me", "have your supervisor ring me": a person asked for by what they are to do.</summary>
    [GeneratedRegex(@"\b(unless|until|till|want|need|have|get|make|let)( a| an| the| your| some)? (manager|supervisor|someone senior|senior person|real person|person|human|agent) (to )?(calls?|rings?|phones?|contacts?|emails?|gets? back to|gets? in touch with) me\b")]
    private static partial Regex PersonToContactMe();

    /// <summary>"Is there an actual person I can talk to", "are there any humans available": a person, asked for as a question.</summary>
    [GeneratedRegex(@"\b(is there|are there|have you got|do you have|you got) (a |an |any |some )?(real |live |actual |human )?(person|human|humans|people|agent|agents|someone|somebody|anyone|anybody|human being|staff|manager)( (there|here|around|available|online|real))*( (i|we) (can|could) (talk|speak|chat) (to|with)| to (talk|speak|chat) (to|with)| (who|that) (can|could) help)?( please| now)*$")]
    private static partial Regex IsTherePerson();

    [GeneratedRegex(@"^(yes |yeah |ok |okay )?(a |an |the |your )?(real |live |actual )?(person|human|agent|manager|supervisor|representative|rep|operator|someone real|human being|colleague)( please| pls| now)*$")]
    private static partial Regex PersonAlone();

    /// <summary>"Someone who can actually fix it", "I need somebody who knows what they're doing": a person, asked for by what they can do.</summary>
    [GeneratedRegex(@"^(i want |i need |i'?d like |i would like |just |get me |give me |can i (talk|speak) to |let me (talk|speak) to )?(someone|somebody|a person|a human|an agent|a real person)( real)? (who|that) (can|could|will|knows how to|actually|really|knows|understands)( actually| really| properly)? ?(fix|sort|solve|help|deal with|what|how|this|it|the)?\b")]
    private static partial Regex SomeoneWhoCan();

    [GeneratedRegex(@"\b((talk|speak|chat)( to| with)|connect me( to| with)?|transfer me( to)?|put me through( to)?|get me|give me|i want|i need|i'?d like|i would like|(can|could|may) i( not)?( just| please| maybe| now)? (talk|speak|get|have)|let me (talk|speak)|escalate (this|it|me)?( to)?)( to| with)? (a |an |the |your |some |someone |somebody |her |his |their |my |that )?(real |live |actual |human |proper )?(person|human|agent|manager|supervisor|representative|rep|operator|someone|somebody|anyone|human being|staff|member of staff|employee|colleague)\b")]
    private static partial Regex PersonRequest();

    // Asking to be contacted, or how to reach someone.
    [GeneratedRegex(@"\b((call|ring|phone|dm|pm|contact|email|e mail) me|reach out to me|give me a (call|ring|bell)|call me back|(want|need|like|get|have|request|arrange|book) (a |an )?(call ?back|phone call)|slide into my dms|(how|who|where) (do|can|could|should|would) (i|we) (call|contact|reach|phone|ring|speak to|talk to)|how to (contact|reach|call)|contact (a|an) (member|person|human|agent|rep|representative)|anyone (at|from) [a-z]+ (want|wanna|willing|able|who can|that can|can)|need to speak to|phone number (for|to) (support|customer)|a number i can call|speak to (a|an|someone|somebody|your)|talk to (someone|somebody|a real|an actual|a human|a person))\b")]
    private static partial Regex Contact();

    // Saying a person can't be reached.
    [GeneratedRegex(@"\b((cant|cannot|can not|unable to|no way to|impossible to|never able to) (reach|get hold of|get through to|contact|talk to|speak to) (a |an |any |your )?(live help|live chat|human|person|anyone|someone|somebody|agent|real person|support)|no (live|chat|human) (help|support|agent)|no contact|no human)\b")]
    private static partial Regex NoPerson();

    // Saying the bot or automation is no use.
    [GeneratedRegex(@"\b((bot|chatbot|chat bot|robot|automated|automation|ai)( you built| you made| you have| here)? (is|are|was) (useless|ineffective|pointless|no help|rubbish|garbage|terrible|stupid|dumb|worthless|not helping|not helpful)|(useless|stupid|dumb|pointless|worthless) (bot|chatbot|robot|automated)|not (a|another) (bot|robot)|stop (sending|giving) me (bots|robots|automated)|dont want (a|to talk to a|to speak to a) (bot|robot)|(not|never|wont|refuse to|dont) (be )?(explain|tell|typ|repeat|talk|speak|chat|go(ing)? through|deal|argu)\w*( \w+){0,3} (to|with) (a |the |this |some |your |an )?(bot|robot|machine|computer|chatbot|ai)s?)\b")]
    private static partial Regex BotUseless();
}

namespace SupportBot.Core.Sentiment;

/// <summary>What a support agent reads in how a message is written, besides its words' sentiment.</summary>
[Flags]
public enum FeelingSignal
{
    None = 0,

    /// <summary>Capitals ("WHY ARE YOU THE WORST", "FIX. THE. APP.") or words spelled out one by one ("fix. the. app.").</summary>
    Shouting = 1,

    /// <summary>A word in capitals among lower case: "STILL", "AGAIN", "HELP".</summary>
    Emphasis = 1024,

    /// <summary>"!!", "??", "?!": punctuation doubled up.</summary>
    RepeatedPunctuation = 2,

    /// <summary>Swearing ("wtf", "f*cking", "bullshit").</summary>
    Profanity = 4,

    /// <summary>Insults or swearing aimed at the company ("crooks", "scammers", "get your shit together", "f*** you").</summary>
    Insult = 8,

    /// <summary>A threat to leave, cancel, sue, report or post reviews ("switching to", "lawyer", "BBB", "1 star").</summary>
    Threat = 16,

    /// <summary>It happened before: "still", "again", "yet another", "every time", "the third time".</summary>
    Recurrence = 32,

    /// <summary>Waiting: "on hold 40 minutes", "three weeks", "no reply", "for days".</summary>
    Waiting = 64,

    /// <summary>Failed attempts: "tried everything", "called twice", "nothing works", "no luck".</summary>
    Tried = 128,

    /// <summary>Praise that means the opposite: "thanks for nothing", "great job, really", "thanks a lot" in a complaint.</summary>
    Sarcasm = 256,

    /// <summary>Polite framing: "please help", "thanks in advance", "kindly". It never turns a complaint positive.</summary>
    Politeness = 512,
}

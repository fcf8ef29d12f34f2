namespace SupportBot.Core.Understanding;

/// <summary>What kind of message it is, as a frontline agent would sort it.</summary>
public enum MessageKind
{
    /// <summary>Something went wrong and they are unhappy or need it fixed.</summary>
    Complaint,

    /// <summary>Asks for information or instructions, with no sign of something having gone wrong.</summary>
    Question,

    /// <summary>Asks for an action without a complaint (cancel, change an e-mail, call me back).</summary>
    Request,

    /// <summary>Only a greeting ("hi", "good morning").</summary>
    Greeting,

    /// <summary>Only thanks ("thanks!", "cheers, that did it").</summary>
    Thanks,

    /// <summary>Too little to tell.</summary>
    Unclear,
}

using SupportBot.Core.Activities;

namespace SupportBot.Testing;

/// <summary>One line of a scripted conversation: something the user sends, or a reply the bot must give.</summary>
public sealed record ScriptStep(int Line, Activity? Send, ExpectedReply? Expect);

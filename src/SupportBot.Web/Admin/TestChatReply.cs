using SupportBot.Core.Activities;

namespace SupportBot.Web.Admin;

/// <summary>What the test chat's bot said back, and whether it runs on the draft or the live files.</summary>
public sealed record TestChatReply(string Source, IReadOnlyList<Activity> Replies);

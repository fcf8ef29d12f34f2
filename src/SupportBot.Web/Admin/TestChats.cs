namespace SupportBot.Web.Admin;

/// <summary>
/// The test chat's bot on the live files, kept so a conversation goes on from one message to the next; its memory
/// is let go after a while, as test chats are short.
/// </summary>
public sealed class TestChats(TimeProvider time)
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private (DateTimeOffset Since, SandboxBot Bot)? _live;

    public SandboxBot Live(SandboxBots sandboxes)
    {
        ArgumentNullException.ThrowIfNull(sandboxes);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_live is not { } kept || now - kept.Since > Kept)
            {
                _live = (now, sandboxes.Live());
            }

            return _live.Value.Bot;
        }
    }
}

using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Bot;

/// <summary>
/// Carries out what a turn queued in the outbox, once the turn is durable and while its conversation is still held
/// (no other turn of it runs meanwhile). <paramref name="runTurn"/> runs one more turn of the conversation, such as
/// an event telling the customer how it went, and commits the outbox entries given with it (changed from the version
/// they were read at) in that turn's own commit; its replies go out with the first turn's.
/// </summary>
/// <param name="turn">The activity whose turn queued the entries.</param>
/// <param name="queued">The entries, as committed.</param>
/// <param name="runTurn">Runs an activity as a further turn of the same conversation, with the outbox entries it commits.</param>
/// <param name="cancellationToken">The turn's cancellation.</param>
public delegate Task OutboxDispatch(Activity turn, IReadOnlyList<OutboxRow> queued, Func<Activity, IReadOnlyList<OutboxRow>, CancellationToken, Task> runTurn, CancellationToken cancellationToken);

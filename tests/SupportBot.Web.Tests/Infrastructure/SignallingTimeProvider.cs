using Microsoft.Extensions.Time.Testing;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when the code under test starts waiting (a delay, a timeout),
/// and for how long, so the test advances the clock only once that wait is armed: no polling, no real sleep.
/// </summary>
public sealed class SignallingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Signal)> _waiting = [];

    /// <summary>Completes once some timer of this clock has been armed with exactly <paramref name="dueTime"/>, now or earlier.</summary>
    public Task WhenArmedAsync(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_armed.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((dueTime, signal));
            return signal.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ArmedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Armed(dueTime);
        return timer;
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        List<TaskCompletionSource> due;
        lock (_gate)
        {
            _armed.Add(dueTime);
            due = [.. _waiting.Where(w => w.DueTime == dueTime).Select(w => w.Signal)];
            _waiting.RemoveAll(w => w.DueTime == dueTime);
        }

        due.ForEach(signal => signal.TrySetResult());
    }

    /// <summary>Reports re-arming too: a <see cref="CancellationTokenSource"/> with a timeout may arm its timer through <see cref="ITimer.Change"/>.</summary>
    private sealed class ArmedTimer(SignallingTimeProvider clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

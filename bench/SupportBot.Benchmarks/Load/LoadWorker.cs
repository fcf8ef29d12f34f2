namespace SupportBot.Benchmarks.Load;

/// <summary>
/// One simulated customer, whatever the transport: walks its flow until the window ends and keeps, per turn, the
/// latencies (Stopwatch ticks) of turns begun and completed inside the window, and the failures. Everything here is owned by
/// one worker; the report reads it after the run.
/// </summary>
internal abstract class LoadWorker : IDisposable
{
    private readonly ErrorLog _errorLog;
    private bool _walked;

    protected LoadWorker(int index, LoadWindow window, ErrorLog errorLog, ConversationFlow flow)
    {
        Index = index;
        Window = window;
        Flow = flow;
        _errorLog = errorLog;
        Latencies = new List<long>[flow.TurnCount];
        for (var turn = 0; turn < Latencies.Length; turn++)
        {
            Latencies[turn] = new List<long>(512);
        }
    }

    /// <summary>Per turn (0-based), the latencies in Stopwatch ticks of the turns that began and completed inside the window.</summary>
    public List<long>[] Latencies { get; }

    /// <summary>Turns that completed inside the window, wherever they began.</summary>
    public long TurnsCompleted { get; private set; }

    /// <summary>Failed turns that ended after the clock started (checks, non-200 answers, exceptions).</summary>
    public long Errors { get; private set; }

    /// <summary>Failed turns that ended during the warm-up.</summary>
    public long WarmupErrors { get; private set; }

    /// <summary>Whether this customer has walked its flow to the end at least once, in the window or before it.</summary>
    public bool Walked => Volatile.Read(ref _walked);

    /// <summary>Conversations whose last turn completed inside the window.</summary>
    public long ConversationsCompleted { get; private set; }

    protected int Index { get; }

    protected LoadWindow Window { get; }

    protected ConversationFlow Flow { get; }

    public abstract Task RunAsync();

    /// <summary>Counts a turn that ended at <paramref name="finished"/>; returns whether it passed. <paramref name="where"/> names it in the error log.</summary>
    protected bool Record(int turn, long started, long finished, string? failure, string where)
    {
        if (failure is null)
        {
            if (turn == Flow.TurnCount - 1)
            {
                Volatile.Write(ref _walked, true);
            }

            if (Window.Contains(finished))
            {
                // Turns are counted when they end in the window; their latency only when they also began in it, so a
                // turn sent during the warm-up (a cold server's first turns) does not count as a measured one.
                TurnsCompleted++;
                if (started >= Window.Start)
                {
                    Latencies[turn].Add(finished - started);
                }

                if (turn == Flow.TurnCount - 1)
                {
                    ConversationsCompleted++;
                }
            }

            return true;
        }

        if (finished >= Window.Start)
        {
            Errors++;
        }
        else
        {
            WarmupErrors++;
        }

        _errorLog.Report($"{where}: {failure}");
        return false;
    }

    public virtual void Dispose()
    {
    }
}

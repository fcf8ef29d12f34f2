namespace SupportBot.Benchmarks.Load;

/// <summary>One simulated customer, whatever the transport: what the report reads once the run is over.</summary>
internal interface ILoadWorker : IDisposable
{
    /// <summary>Per turn (0-based), the latencies in Stopwatch ticks of the turns that completed inside the window.</summary>
    List<long>[] Latencies { get; }

    /// <summary>Failed turns that ended after the clock started.</summary>
    long Errors { get; }

    /// <summary>Failed turns that ended during the warm-up.</summary>
    long WarmupErrors { get; }

    /// <summary>Conversations whose last turn completed inside the window.</summary>
    long ConversationsCompleted { get; }

    Task RunAsync();
}

using BenchmarkDotNet.Running;
using SupportBot.Benchmarks.Load;

// `load ...` runs the HTTP load generator (see Load/LoadOptions.cs); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
{
    // The generator shares the machine with the server: stop idle thread-pool workers from spinning for work (which
    // roughly doubles the generator's CPU use at a few thousand requests/s). Read once, when the pool first starts
    // a worker, so it must be set before anything is queued; DOTNET_ThreadPool_UnfairSemaphoreSpinLimit overrides it.
    AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);
    return await LoadCommand.RunAsync(args.AsMemory(1)).ConfigureAwait(false);
}

// `handoff ...` measures the time from a customer's handoff to the case in an agent's console (Load/HandoffProbe.cs).
if (args.Length > 0 && args[0] == "handoff")
{
    return await HandoffProbe.RunAsync(args.AsMemory(1)).ConfigureAwait(false);
}

// `insight ...` seeds the dashboard's facts and times each chart's query (Insight/InsightBench.cs).
if (args.Length > 0 && args[0] == "insight")
{
    return await SupportBot.Benchmarks.Insight.InsightBench.RunAsync(args.AsMemory(1)).ConfigureAwait(false);
}

// `business --port N` answers the remedies' webhook for the load's support conversations (Load/BusinessSystem.cs).
if (args.Length > 0 && args[0] == "business")
{
    return await BusinessSystem.RunAsync(args.AsMemory(1)).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

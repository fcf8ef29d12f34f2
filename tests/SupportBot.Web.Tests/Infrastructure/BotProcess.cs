using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// The bot as its own process, the way an operator runs it (<c>dotnet supportbot.dll</c>, the build next to the
/// tests), on 127.0.0.1 and a free port, with its data in a folder the test owns, so a test can kill it outright
/// and start it again on the same data.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private BotProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    /// <summary>What the process wrote so far (for a failure's message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts it and waits until it listens; <paramref name="settings"/> go on its command line.</summary>
    public static async Task<BotProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supportbot.dll"));
        foreach (var argument in new[] { "--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }

        start.Environment["SUPPORTBOT_ROOT"] = AppRoot.Find();
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains("Now listening on:", StringComparison.Ordinal) && ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Value + "/"));
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new BotProcess(process, output, address);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bot did not start listening within 90 s. It wrote:\n{output}");
        }
    }

    /// <summary>Kills it at once (SIGKILL): no shutdown, no flushing, as a crash or a power cut would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();
}

using System.Diagnostics;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Cli;

/// <summary><c>supportbot chat</c>, the terminal chat, as its own process on a SQLite folder.</summary>
public sealed class ChatCommandTests
{
    [Fact]
    public async Task Chat_SameConversationInALaterRun_GoesOnWhereItStopped()
    {
        using var temp = new TempDirectory();

        var first = await ChatAsync(temp.Path, "hi", "my parcel never arrived and it has been two weeks");
        var later = await ChatAsync(temp.Path, "I already emailed you twice");

        var greeting = first.First(l => l.StartsWith("you: bot:", StringComparison.Ordinal));
        Assert.Equal(2, first.Count(l => l.StartsWith("you: bot:", StringComparison.Ordinal)));
        var answer = Assert.Single(later, l => l.StartsWith("you: bot:", StringComparison.Ordinal));
        Assert.NotEqual(greeting, answer);
        Assert.DoesNotContain(later, l => l.Contains("arrived again", StringComparison.Ordinal));
    }

    private static async Task<string[]> ChatAsync(string data, params string[] lines)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Web.Hosting.AppRoot.Find(), RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "supportbot.dll"), "chat", "--name", "Priya", "--conversation", "resumed", $"--Storage:DataDirectory={data}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

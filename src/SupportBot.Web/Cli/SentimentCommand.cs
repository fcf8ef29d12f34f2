namespace SupportBot.Web.Cli;

/// <summary><c>supportbot sentiment --tsv FILE</c>: scores each row's text.</summary>
public static class SentimentCommand
{
    public static Task<int> RunAsync(string root, string[] args)
    {
        Console.Error.WriteLine($"supportbot sentiment: not available yet ({root}, {args.Length} arguments).");
        return Task.FromResult(2);
    }
}

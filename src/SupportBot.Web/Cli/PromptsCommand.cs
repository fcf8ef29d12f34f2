namespace SupportBot.Web.Cli;

/// <summary><c>supportbot prompts check</c>: validates the prompt files.</summary>
public static class PromptsCommand
{
    public static int Run(string root, string[] args)
    {
        Console.Error.WriteLine($"supportbot prompts: not available yet ({root}, {args.Length} arguments).");
        return 2;
    }
}

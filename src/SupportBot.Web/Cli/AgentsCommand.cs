using SupportBot.Web.Agents;

namespace SupportBot.Web.Cli;

/// <summary>
/// <c>supportbot agents hash-password</c>: reads a password from standard input (one line; typed without echo at a
/// terminal) and prints the hash to put in <c>Agents:Accounts</c>. The password itself is never stored or shown.
/// </summary>
public static class AgentsCommand
{
    private const string Usage = "usage: supportbot agents hash-password   (reads the password from standard input)";

    public static int Run(string[] args)
    {
        if (args is not ["hash-password"])
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        string? password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else
        {
            Console.Error.Write("Password: ");
            password = ReadHidden();
        }

        if (string.IsNullOrEmpty(password) || password.Length < 10)
        {
            Console.Error.WriteLine("The password must have at least 10 characters.");
            return 1;
        }

        Console.WriteLine(AgentPasswords.Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}

using System.Globalization;

namespace SupportBot.Benchmarks.Load;

/// <summary>The options of the <c>load</c> command, parsed by hand from the command line.</summary>
internal sealed class LoadOptions
{
    public const string Usage = """
        usage: load --url http://127.0.0.1:PORT/api/messages [options]

          --url URL            the bot's Bot Framework endpoint (required). Give it again for more instances
                               of one bot (http transport): a conversation's turns go to each in turn
          --conversations N    concurrent conversations, one keep-alive connection each (default 64)
          --duration S         measured seconds (default 20)
          --warmup S           seconds of full load before the clock starts (default 3); the clock starts
                               only once every conversation has also been walked to its end once
          --pid PID            the server's process id: report its peak RSS and CPU use (again for more
                               instances: their sums)
          --label NAME         a name for the result lines (default: host:port)
          --timeout S          per-request timeout in seconds (default 30)
          --flow NAME          reference (the peer's five steps, default) or support (SupportBot's full conversation)
          --transport NAME     http (default: POST --url with deliveryMode "expectReplies") or directline
                               (SupportBot's built-in Direct Line on the same server: token, start, WebSocket
                               stream, posts; turn 1 is the start, latency runs to the replies on the socket)

        Each conversation walks its flow, checks every reply, then starts over with a fresh conversation.
        Exit code: 0 when every reply passed its check, 1 on any error, 2 on a usage error.
        """;

    public required Uri Url { get; init; }

    /// <summary>Every instance's endpoint, <see cref="Url"/> first; a conversation's turns go to each in turn.</summary>
    public required IReadOnlyList<Uri> Urls { get; init; }

    public int Conversations { get; init; } = 64;

    public double DurationSeconds { get; init; } = 20;

    public double WarmupSeconds { get; init; } = 3;

    /// <summary>The server processes to watch (one per instance).</summary>
    public IReadOnlyList<int> Pids { get; init; } = [];

    public required string Label { get; init; }

    public double TimeoutSeconds { get; init; } = 30;

    public required ConversationFlow Flow { get; init; }

    /// <summary>Talk to SupportBot's built-in Direct Line (token, start, WebSocket stream, posts) instead of <c>expectReplies</c>.</summary>
    public bool DirectLine { get; init; }

    /// <summary>Parses <paramref name="args"/> (the arguments after <c>load</c>).</summary>
    /// <returns>The options, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static LoadOptions? Parse(ReadOnlySpan<string> args, out string? error)
    {
        var urls = new List<Uri>();
        var pids = new List<int>();
        var conversations = 64;
        var duration = 20.0;
        var warmup = 3.0;
        var timeout = 30.0;
        string? label = null;
        ConversationFlow? flow = new ReferenceFlow();
        string? transport = "http";

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string name;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
            }

            if (name is "-h" or "--help")
            {
                error = "";
                return null;
            }

            if (name is not ("--url" or "--conversations" or "-c" or "--duration" or "-d" or "--warmup" or "-w"
                or "--timeout" or "--pid" or "--label" or "-l" or "--flow" or "--transport"))
            {
                error = $"unknown option '{name}'";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    error = $"missing value for {name}";
                    return null;
                }

                value = args[++i];
            }

            var ok = name switch
            {
                "--url" => TryParseUrl(value, urls),
                "--conversations" or "-c" => TryParseInt(value, 1, 100_000, out conversations),
                "--duration" or "-d" => TryParseSeconds(value, 0.1, out duration),
                "--warmup" or "-w" => TryParseSeconds(value, 0, out warmup),
                "--timeout" => TryParseSeconds(value, 0.1, out timeout),
                "--pid" => TryParsePid(value, pids),
                "--label" or "-l" => TryParseLabel(value, out label),
                "--flow" => (flow = ConversationFlow.Named(value)) is not null,
                "--transport" => (transport = value is "http" or "directline" ? value : null) is not null,
                _ => false, // not reached: unknown names are rejected above
            };
            if (!ok)
            {
                error = $"invalid value for {name}: '{value}'";
                return null;
            }
        }

        if (urls.Count == 0)
        {
            error = "--url is required";
            return null;
        }

        if (urls.Count > 1 && transport != "http")
        {
            error = "several --url are for the http transport";
            return null;
        }

        error = null;
        return new LoadOptions
        {
            Url = urls[0],
            Urls = urls,
            Conversations = conversations,
            DurationSeconds = duration,
            WarmupSeconds = warmup,
            TimeoutSeconds = timeout,
            Pids = pids,
            Label = label ?? urls[0].Authority,
            Flow = flow!,
            DirectLine = transport == "directline",
        };
    }

    private static bool TryParseUrl(string value, List<Uri> urls)
    {
        var ok = Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
        if (ok)
        {
            urls.Add(url!);
        }

        return ok;
    }

    private static bool TryParseInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;

    private static bool TryParseSeconds(string value, double min, out double result) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result)
        && result >= min && result <= 86_400;

    private static bool TryParsePid(string value, List<int> pids)
    {
        var ok = TryParseInt(value, 1, int.MaxValue, out var parsed);
        if (ok)
        {
            pids.Add(parsed);
        }

        return ok;
    }

    private static bool TryParseLabel(string value, out string? label)
    {
        label = value;
        return value.Length > 0;
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// <c>business --port N</c>: the business system the support conversation's granted remedy calls (its
/// <c>orders</c> webhook), so the load's customers hear their replacement is booked, as with a real system. It answers
/// every POST at once with 200 and a reference, and checks nothing: the run measures the bot, not this. Runs until
/// stopped.
/// </summary>
internal static class BusinessSystem
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args)
    {
        var list = args.Span;
        if (list.Length != 2 || list[0] != "--port" || !int.TryParse(list[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            await Console.Error.WriteLineAsync("usage: business --port N").ConfigureAwait(false);
            return 2;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        listener.Start();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"business: answering on http://127.0.0.1:{port}/"));
        long served = 0;
        while (true)
        {
            var context = await listener.GetContextAsync().ConfigureAwait(false);
            var reference = Interlocked.Increment(ref served);
            _ = Task.Run(() => AnswerAsync(context, reference));
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, long reference)
    {
        try
        {
            await context.Request.InputStream.CopyToAsync(Stream.Null).ConfigureAwait(false);
            var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"reference\":\"REF-{reference}\"}}"));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The bot gave up on the request (its timeout); it tries again.
        }
    }
}

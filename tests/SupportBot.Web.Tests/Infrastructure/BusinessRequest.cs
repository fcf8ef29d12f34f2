using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>One request the <see cref="FakeBusinessSystem"/> received: when, its path and headers, the raw body bytes, and what it answered.</summary>
public sealed record BusinessRequest(DateTimeOffset At, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The status it answered with; 0 while it is held, or when the caller went away first.</summary>
    public int AnsweredStatus { get; set; }

    public string Text => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}

using System.Text.Json.Nodes;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>One request the <see cref="FakeConnector"/> received, and the status it answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The request target exactly as sent: still escaped, query included.</param>
/// <param name="Headers">Every request header, values joined with ", ".</param>
/// <param name="Body">The JSON body, or null when it was empty or not JSON.</param>
/// <param name="RawBody">The body as text.</param>
/// <param name="AnsweredStatus">The status code the fake answered with.</param>
public sealed record RecordedRequest(
    string Method,
    string RawPath,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string RawBody,
    int AnsweredStatus)
{
    /// <summary>The body's <c>text</c> member, when it is an activity with one.</summary>
    public string? Text => Body?["text"]?.GetValue<string>();

    /// <summary>True when the fake answered with a success status (the reply counts as delivered).</summary>
    public bool Delivered => AnsweredStatus is >= 200 and < 300;
}

using System.Text.RegularExpressions;
using SupportBot.Core.Activities;

namespace SupportBot.Testing;

/// <summary>
/// What a bot reply must look like: its text (<c>*</c> matches anything, white space is folded), and optionally its
/// suggested action titles and an attachment content type.
/// </summary>
public sealed record ExpectedReply(string TextPattern, IReadOnlyList<string>? Suggestions = null, string? AttachmentContentType = null)
{
    /// <summary>Throws <see cref="TestFlowException"/> when <paramref name="reply"/> does not fit.</summary>
    public void Check(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = Fold(reply.Text ?? string.Empty);
        var pattern = "^" + string.Join(".*", Fold(TextPattern).Split('*').Select(Regex.Escape)) + "$";
        if (!Regex.IsMatch(text, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw new TestFlowException($"Expected a reply like \"{TextPattern}\" but got \"{reply.Text}\".");
        }

        if (Suggestions is not null)
        {
            var actual = reply.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToList() ?? [];
            if (!actual.SequenceEqual(Suggestions, StringComparer.OrdinalIgnoreCase))
            {
                throw new TestFlowException($"Expected suggested actions [{string.Join(" | ", Suggestions)}] but got [{string.Join(" | ", actual)}].");
            }
        }

        if (AttachmentContentType is not null && reply.Attachments?.Any(a => a.ContentType.Contains(AttachmentContentType, StringComparison.OrdinalIgnoreCase)) != true)
        {
            throw new TestFlowException($"Expected an attachment of type '{AttachmentContentType}' in \"{reply.Text}\".");
        }
    }

    private static string Fold(string text) => Regex.Replace(text.Trim(), @"\s+", " ");
}

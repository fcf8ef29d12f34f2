using SupportBot.Core.Cases;

namespace SupportBot.Testing;

/// <summary>The forms in which a customer may read a prompt variant as written in <c>dialogs/</c>.</summary>
public static class PromptForms
{
    private const string Stand = "Quillon";

    /// <summary>
    /// <paramref name="variant"/> as written and, when it names the customer, without the name, as the bot says it when
    /// a line just before named them (<see cref="CaseVoice.NameEvery"/>).
    /// </summary>
    public static IEnumerable<string> Of(string variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        yield return variant;
        if (variant.Contains("{name}", StringComparison.Ordinal))
        {
            yield return CaseVoice.WithoutName(variant.Replace("{name}", Stand, StringComparison.Ordinal), Stand).Replace(Stand, "{name}", StringComparison.Ordinal);
        }
    }
}

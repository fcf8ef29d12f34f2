using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>Asks for a number; finds the first number in the answer ("about 40", "1,250.50", "twelve").</summary>
public sealed partial class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : INumber<T>
{
    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    /// <summary>The number in the text, or null.</summary>
    public static T? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var match = NumberPattern().Match(text);
        if (match.Success && T.TryParse(match.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        foreach (var token in ChoiceRecognizer.Tokenize(text))
        {
            var index = Array.IndexOf(Words, token);
            if (index >= 0)
            {
                return T.CreateChecked(index);
            }
        }

        return default;
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var value = Recognize(text);
        var found = value is not null && (!T.IsZero(value) || ContainsZero(text));
        return Task.FromResult(found ? new PromptRecognizerResult<T>(true, value) : PromptRecognizerResult<T>.Failed);
    }

    private static bool ContainsZero(string? text) =>
        text is not null && (text.Contains('0', StringComparison.Ordinal) || text.Contains("zero", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"-?\d[\d,]*(\.\d+)?")]
    private static partial Regex NumberPattern();
}

using System.ComponentModel.DataAnnotations;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Understanding;

/// <summary>The <c>Understanding</c> section.</summary>
public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>The category probability below which the bot asks rather than guesses.</summary>
    [Range(0.0, 1.0)]
    public double ConfidenceThreshold { get; set; } = MessageReaderSettings.DefaultConfidenceThreshold;

    /// <summary>How sure the reader must be that an answer in <c>answers.yaml</c> fits a question to give it.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = AnswerReader.DefaultThreshold;
}

namespace SupportBot.Core.Sentiment;

/// <summary>
/// Reads how a customer feels from what they wrote. Two implementations: the embedded local analyzer (no key, in
/// process) and Azure AI Language. Results are shaped like Azure AI Language's, plus what the empathy engine needs.
/// </summary>
public interface ISentimentAnalyzer
{
    ValueTask<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken);
}

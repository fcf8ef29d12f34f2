namespace SupportBot.Core.PromptFiles;

/// <summary>A prompt ready to send: the variant chosen and its filled-in text.</summary>
public sealed record RenderedPrompt(string Id, string Text)
{
    public override string ToString() => Text;
}

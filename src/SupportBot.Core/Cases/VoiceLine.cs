namespace SupportBot.Core.Cases;

/// <summary>A line <see cref="CaseVoice"/> rendered this turn: its prompt key, the variant chosen and the text as addressed.</summary>
public sealed record VoiceLine(string Key, string VariantId, string Text);

namespace SupportBot.Web.Admin;

/// <summary>One prompt: its key, the feeling band it is said for (empathy lines), the variables it may use, and its variants.</summary>
/// <param name="Key">e.g. <c>empathy.upset.frustration</c>.</param>
/// <param name="Band">calm, positive, improving, mild, upset or furious for empathy lines; null for the rest.</param>
/// <param name="Emotion">The emotion an empathy line answers (anger, frustration…, general).</param>
/// <param name="Variables">The <c>{variables}</c> its wording may use.</param>
/// <param name="Variants">Its wordings.</param>
public sealed record PromptView(string Key, string? Band, string? Emotion, IReadOnlyList<string> Variables, IReadOnlyList<VariantView> Variants);

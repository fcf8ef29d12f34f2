using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Admin;

/// <summary>What the files' checks say of an edit not yet saved: no errors means it would be taken.</summary>
public sealed record CheckResult(IReadOnlyList<PromptError> Errors);

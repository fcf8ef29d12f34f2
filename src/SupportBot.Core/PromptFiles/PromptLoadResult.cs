namespace SupportBot.Core.PromptFiles;

/// <summary>The outcome of reading the prompt files: a catalog when they are all valid, else the errors.</summary>
public sealed record PromptLoadResult(PromptCatalog? Catalog, IReadOnlyList<PromptError> Errors)
{
    public bool Succeeded => Catalog is not null;
}

namespace SupportBot.Core.PromptFiles;

/// <summary>The prompt files could not be loaded; <see cref="Errors"/> says where and why.</summary>
public sealed class PromptFilesInvalidException : Exception
{
    public PromptFilesInvalidException(IReadOnlyList<PromptError> errors)
        : base("The prompt files are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors)) => Errors = errors;

    public PromptFilesInvalidException()
    {
        Errors = [];
    }

    public PromptFilesInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<PromptError> Errors { get; }
}

namespace SupportBot.Core.Understanding.Entities;

/// <summary>What sort of thing a customer named.</summary>
public enum ProductKind
{
    /// <summary>A physical thing bought ("the lamp", "my sofa").</summary>
    Item,

    /// <summary>A phone, console, streaming stick or computer ("my iPhone 15", "Xbox Series X").</summary>
    Device,

    /// <summary>An app or online service ("the Roku app", "Netflix").</summary>
    App,

    /// <summary>An operating system ("Windows 11", "iOS 17.4").</summary>
    OperatingSystem,
}

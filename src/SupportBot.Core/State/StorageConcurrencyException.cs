namespace SupportBot.Core.State;

/// <summary>A write named an ETag that is no longer current: someone else changed the item since it was read.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException(string key)
        : base($"The item '{key}' was changed by another writer since it was read (ETag mismatch).") => Key = key;

    public StorageConcurrencyException()
    {
        Key = string.Empty;
    }

    public StorageConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>The key whose ETag did not match.</summary>
    public string Key { get; }
}

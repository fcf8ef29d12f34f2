namespace SupportBot.Core.State;

/// <summary>
/// Key/value storage for bot state with ETag-style optimistic concurrency, after Bot Framework's <c>IStorage</c>.
/// A write of several keys is atomic: all of it lands or none of it does.
/// </summary>
public interface IStorage
{
    /// <summary>Reads the items that exist among <paramref name="keys"/>; missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes all <paramref name="changes"/> in one transaction and returns each key's new ETag. An item whose
    /// <see cref="StoreItem.ETag"/> is set (and not <c>*</c>) is written only if it still matches the stored one;
    /// otherwise nothing is written and <see cref="StorageConcurrencyException"/> is thrown.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    /// <summary>Deletes the keys; deleting a missing key is not an error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

using SupportBot.Core.State;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>
/// A real <see cref="IStorage"/> with conflicts on demand: the first <see cref="ConflictsLeft"/> writes touching a
/// key that <see cref="Affects"/> fail with <see cref="StorageConcurrencyException"/> without writing, and
/// <see cref="BeforeWrite"/> runs once before the next such write (to change the item "concurrently" through the
/// inner storage, so the ETag really no longer matches). <see cref="AfterRead"/> runs after every read of an affected
/// key, so a test can hold readers until all of them have read the same version.
/// </summary>
internal sealed class ConflictingStorage(IStorage inner, Func<string, bool> affects) : IStorage
{
    private int _conflictsLeft;
    private int _writes;
    private Func<Task>? _beforeWrite;

    public Func<string, bool> Affects { get; } = affects;

    /// <summary>Writes of affected keys still to fail; <see cref="int.MaxValue"/> for all of them.</summary>
    public int ConflictsLeft
    {
        get => Volatile.Read(ref _conflictsLeft);
        set => Volatile.Write(ref _conflictsLeft, value);
    }

    /// <summary>How many writes of affected keys were attempted, failed or not.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public Func<Task>? BeforeWrite
    {
        set => Volatile.Write(ref _beforeWrite, value);
    }

    public Func<Task>? AfterRead { get; set; }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = await inner.ReadAsync(keys, cancellationToken);
        if (AfterRead is { } hook && keys.Any(Affects))
        {
            await hook();
        }

        return items;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Keys.FirstOrDefault(Affects) is { } key)
        {
            Interlocked.Increment(ref _writes);
            if (Interlocked.Exchange(ref _beforeWrite, null) is { } change)
            {
                await change();
            }

            if (Interlocked.Decrement(ref _conflictsLeft) >= 0)
            {
                throw new StorageConcurrencyException(key);
            }

            Interlocked.Increment(ref _conflictsLeft);
        }

        return await inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
}

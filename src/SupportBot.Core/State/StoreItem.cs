namespace SupportBot.Core.State;

/// <summary>One stored value: its JSON text and the ETag it was read with (null or <c>*</c>: last write wins).</summary>
public sealed record StoreItem(string Json, string? ETag);

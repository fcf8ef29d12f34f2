using System.Text;

namespace SupportBot.Core.State;

/// <summary>
/// One stored value: its JSON and the ETag it was read with (null or <c>*</c>: last write wins). The JSON is kept in
/// the form it came in, text or UTF-8 (SQLite hands state over and takes it as UTF-8), and turned into the other form
/// only when that is asked for.
/// </summary>
public sealed class StoreItem
{
    private string? _json;
    private byte[]? _utf8;

    public StoreItem(string json, string? etag)
    {
        ArgumentNullException.ThrowIfNull(json);
        _json = json;
        ETag = etag;
    }

    public StoreItem(byte[] utf8, string? etag)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
        ETag = etag;
    }

    /// <summary>The JSON as text.</summary>
    public string Json => _json ??= Encoding.UTF8.GetString(_utf8!);

    /// <summary>The JSON as UTF-8; not to be changed.</summary>
    public byte[] Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(_json!);

    public string? ETag { get; }

    /// <summary>The same JSON, in the form it is kept, under another ETag.</summary>
    public StoreItem WithETag(string? etag) => _utf8 is not null ? new StoreItem(_utf8, etag) : new StoreItem(_json!, etag);
}

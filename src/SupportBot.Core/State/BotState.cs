using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Core.State;

/// <summary>
/// State kept for a scope (conversation or user) as one JSON document per key, read once per turn and written
/// back only when it changed. Properties are read and written through <see cref="StatePropertyAccessor{T}"/>.
/// </summary>
public abstract class BotState
{
    private readonly string _name;

    protected BotState(IStorage storage, string name)
    {
        Storage = storage;
        _name = name;
    }

    public IStorage Storage { get; }

    /// <summary>The storage key for the turn's scope, or null when the activity has no such scope.</summary>
    public abstract string? GetStorageKey(Activity activity);

    /// <summary>A typed handle on one property of this state.</summary>
    public StatePropertyAccessor<T> CreateProperty<T>(string name) where T : class => new(this, name);

    /// <summary>Reads the state for the turn (once; later calls use the turn's cache).</summary>
    public async Task LoadAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.ContainsKey(_name))
        {
            return;
        }

        var key = GetStorageKey(turnContext.Activity);
        var cached = new CachedState(key);
        if (key is not null)
        {
            var items = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            if (items.TryGetValue(key, out var item))
            {
                cached.Load(item);
            }
        }

        turnContext.TurnState[_name] = cached;
    }

    /// <summary>The write this turn needs, or null when nothing changed.</summary>
    public KeyValuePair<string, StoreItem>? GetChanges(TurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(_name, out var value) && value is CachedState cached ? cached.GetChanges() : null;
    }

    /// <summary>Records that the turn's changes were written with these ETags, so a later save this turn writes only new changes.</summary>
    public void Committed(TurnContext turnContext, IReadOnlyDictionary<string, string> etags)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(etags);
        if (turnContext.TurnState.TryGetValue(_name, out var value) && value is CachedState cached)
        {
            cached.Committed(etags);
        }
    }

    /// <summary>Forgets everything in this scope for the turn (written as an empty document).</summary>
    public void Clear(TurnContext turnContext) => GetCache(turnContext).Clear();

    internal CachedState GetCache(TurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(_name, out var value) && value is CachedState cached
            ? cached
            : throw new InvalidOperationException($"{GetType().Name} was not loaded for this turn; call LoadAsync first.");

    internal sealed class CachedState(string? key)
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
        private JsonObject _document = [];
        private string? _loadedJson;
        private string? _etag;
        private string? _pendingJson;

        public void Load(StoreItem item)
        {
            _loadedJson = item.Json;
            _etag = item.ETag;
            _document = JsonNode.Parse(item.Json) as JsonObject ?? [];
        }

        public T? Get<T>(string name) where T : class
        {
            if (_values.TryGetValue(name, out var value))
            {
                return (T?)value;
            }

            var node = _document[name];
            var typed = node?.Deserialize<T>(StateJson.Options);
            _values[name] = typed;
            return typed;
        }

        public void Set(string name, object? value) => _values[name] = value;

        public void Delete(string name)
        {
            _values.Remove(name);
            _document.Remove(name);
        }

        public void Clear()
        {
            _values.Clear();
            _document = [];
        }

        public void Committed(IReadOnlyDictionary<string, string> etags)
        {
            if (key is not null && etags.TryGetValue(key, out var etag) && _pendingJson is not null)
            {
                _loadedJson = _pendingJson;
                _etag = etag;
            }
        }

        public KeyValuePair<string, StoreItem>? GetChanges()
        {
            if (key is null)
            {
                return null;
            }

            foreach (var (name, value) in _values)
            {
                _document[name] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), StateJson.Options);
            }

            var json = _document.ToJsonString(StateJson.Options);
            _pendingJson = json;
            return json == _loadedJson ? null : new(key, new StoreItem(json, _etag ?? "*"));
        }
    }
}

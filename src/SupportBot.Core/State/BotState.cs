using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>
    /// A typed handle on one property of this state. <paramref name="typeInfo"/>: serialization code generated for
    /// <typeparamref name="T"/> under the rules of <see cref="StateJson.Options"/> (a record every turn reads and writes);
    /// without it, the options' reflection.
    /// </summary>
    public StatePropertyAccessor<T> CreateProperty<T>(string name, JsonTypeInfo<T>? typeInfo = null) where T : class => new(this, name, typeInfo);

    /// <summary>Reads the state for the turn (once; later calls use the turn's cache).</summary>
    public Task LoadAsync(TurnContext turnContext, CancellationToken cancellationToken) => LoadAllAsync(turnContext, [this], cancellationToken);

    /// <summary>
    /// Reads the turn's state of several scopes (the conversation's and the user's), one read per storage they are
    /// kept in; scopes already read this turn are left as they are.
    /// </summary>
    public static async Task LoadAllAsync(TurnContext turnContext, IReadOnlyList<BotState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(states);
        foreach (var scopes in states.Where(s => !turnContext.TurnState.ContainsKey(s._name)).GroupBy(s => s.Storage))
        {
            var keys = scopes.Select(s => s.GetStorageKey(turnContext.Activity)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var items = keys.Count == 0 ? null : await scopes.Key.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
            foreach (var state in scopes)
            {
                var key = state.GetStorageKey(turnContext.Activity);
                var cached = new CachedState(key);
                if (key is not null && items is not null && items.TryGetValue(key, out var item))
                {
                    cached.Load(item);
                }

                turnContext.TurnState[state._name] = cached;
            }
        }
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

    /// <summary>
    /// One scope's state for the turn. The stored document is parsed once into its properties' raw JSON; a property
    /// becomes an object only when the turn reads it, and only the properties the turn read or set are serialized
    /// again when the document is written (the others are copied as they were).
    /// </summary>
    internal sealed class CachedState(string? key)
    {
        private const int MaxKeptBuffer = 64 * 1024;
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = StateJson.Options.Encoder, SkipValidation = true };

        [ThreadStatic]
        private static ArrayBufferWriter<byte>? _threadBuffer;

        [ThreadStatic]
        private static Utf8JsonWriter? _threadWriter;

        /// <summary>The properties the turn read or set, each with the generated code it is written with, when it has some.</summary>
        private readonly Dictionary<string, (object? Value, JsonTypeInfo? TypeInfo)> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonElement> _stored = new(StringComparer.Ordinal);

        /// <summary>The document's properties in order: those stored first, then those the turn added.</summary>
        private readonly List<string> _names = [];
        private byte[]? _loaded;
        private string? _etag;
        private byte[]? _pending;

        public void Load(StoreItem item)
        {
            _loaded = item.Utf8;
            _etag = item.ETag;
            var reader = new Utf8JsonReader(_loaded);
            var root = JsonElement.ParseValue(ref reader);
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in root.EnumerateObject())
            {
                if (_stored.TryAdd(property.Name, property.Value))
                {
                    _names.Add(property.Name);
                }
                else
                {
                    _stored[property.Name] = property.Value;
                }
            }
        }

        public T? Get<T>(string name, JsonTypeInfo<T>? typeInfo) where T : class
        {
            if (_values.TryGetValue(name, out var value))
            {
                return (T?)value.Value;
            }

            var typed = _stored.TryGetValue(name, out var element) && element.ValueKind != JsonValueKind.Null
                ? typeInfo is null ? element.Deserialize<T>(StateJson.Options) : element.Deserialize(typeInfo)
                : null;
            Set(name, typed, typeInfo);
            return typed;
        }

        public void Set(string name, object? value, JsonTypeInfo? typeInfo)
        {
            if (!_values.ContainsKey(name) && !_stored.ContainsKey(name))
            {
                _names.Add(name);
            }

            _values[name] = (value, typeInfo);
        }

        public void Delete(string name)
        {
            if (_values.Remove(name) | _stored.Remove(name))
            {
                _names.Remove(name);
            }
        }

        public void Clear()
        {
            _values.Clear();
            _stored.Clear();
            _names.Clear();
        }

        public void Committed(IReadOnlyDictionary<string, string> etags)
        {
            if (key is not null && etags.TryGetValue(key, out var etag) && _pending is not null)
            {
                _loaded = _pending;
                _etag = etag;
            }
        }

        public KeyValuePair<string, StoreItem>? GetChanges()
        {
            if (key is null)
            {
                return null;
            }

            // One buffer and writer per thread, reused turn after turn: the document is written synchronously.
            var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(4096);
            buffer.ResetWrittenCount();
            var writer = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
            writer.Reset(buffer);
            try
            {
                writer.WriteStartObject();
                foreach (var name in _names)
                {
                    writer.WritePropertyName(name);
                    if (_values.TryGetValue(name, out var entry))
                    {
                        if (entry.Value is not { } value)
                        {
                            writer.WriteNullValue();
                        }
                        else if (entry.TypeInfo?.Type == value.GetType())
                        {
                            JsonSerializer.Serialize(writer, value, entry.TypeInfo);
                        }
                        else
                        {
                            JsonSerializer.Serialize(writer, value, value.GetType(), StateJson.Options);
                        }
                    }
                    else
                    {
                        _stored[name].WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
                writer.Flush();
                if (_loaded is not null && buffer.WrittenSpan.SequenceEqual(_loaded))
                {
                    _pending = _loaded;
                    return null;
                }

                _pending = buffer.WrittenSpan.ToArray();
                return new(key, new StoreItem(_pending, _etag ?? "*"));
            }
            finally
            {
                // A rare large document does not stay behind on the thread.
                if (buffer.Capacity > MaxKeptBuffer)
                {
                    _threadBuffer = null;
                    _threadWriter = null;
                }
            }
        }
    }
}

using System.Text.Json.Serialization.Metadata;
using SupportBot.Core.Bot;

namespace SupportBot.Core.State;

/// <summary>A typed property of a <see cref="BotState"/>, read and written within a turn.</summary>
public sealed class StatePropertyAccessor<T> where T : class
{
    private readonly BotState _state;
    private readonly JsonTypeInfo<T>? _typeInfo;

    internal StatePropertyAccessor(BotState state, string name, JsonTypeInfo<T>? typeInfo)
    {
        _state = state;
        _typeInfo = typeInfo;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The property's value, or the value made by <paramref name="defaultValueFactory"/> (stored for the turn) when absent.</summary>
    public async Task<T> GetAsync(TurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaultValueFactory);
        var value = await GetOrNullAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            value = defaultValueFactory();
            _state.GetCache(turnContext).Set(Name, value, _typeInfo);
        }

        return value;
    }

    /// <summary>The property's value, or null when absent (nothing is stored).</summary>
    public async Task<T?> GetOrNullAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        await _state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return _state.GetCache(turnContext).Get(Name, _typeInfo);
    }

    /// <summary>Replaces the property's value for the turn; it is saved with the turn.</summary>
    public async Task SetAsync(TurnContext turnContext, T value, CancellationToken cancellationToken)
    {
        await _state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        _state.GetCache(turnContext).Set(Name, value, _typeInfo);
    }

    /// <summary>Removes the property; the removal is saved with the turn.</summary>
    public async Task DeleteAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        await _state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        _state.GetCache(turnContext).Delete(Name);
    }
}

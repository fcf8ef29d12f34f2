using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// Two instances of the real app, each on Kestrel at 127.0.0.1 with a port and a data folder of its own, sharing one
/// PostgreSQL schema, as two instances behind a load balancer share one database.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly PostgresSchema _schema;

    private TwoInstances(PostgresSchema schema, BotHost a, BotHost b)
    {
        _schema = schema;
        A = a;
        B = b;
    }

    public BotHost A { get; }

    public BotHost B { get; }

    /// <summary>Starts both on a fresh schema, with the agent accounts of <see cref="AgentClient.Accounts"/> and <paramref name="settings"/>.</summary>
    public static async Task<TwoInstances> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var schema = await PostgresSchema.CreateAsync();
        var all = AgentClient.Accounts();
        foreach (var (key, value) in schema.Settings().Concat(settings ?? new Dictionary<string, string>()))
        {
            all[key] = value;
        }

        var a = await BotHost.StartAsync(settings: all, services: services);
        var b = await BotHost.StartAsync(settings: all, services: services);
        return new TwoInstances(schema, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _schema.DisposeAsync();
    }
}

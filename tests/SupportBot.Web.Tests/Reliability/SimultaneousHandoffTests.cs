using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupportBot.Core.Handoff;
using SupportBot.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Web.Tests.Reliability;

/// <summary>
/// Customers confirming their handoff at the same moment, on a fresh database (SQLite, and PostgreSQL as several
/// instances share it): every one of them gets a 2xx, and the console's API lists every case, none missing.
/// </summary>
public sealed class SimultaneousHandoffTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite", 16)]
    [InlineData("Sqlite", 48)]
    [InlineData("Postgres", 16)]
    [InlineData("Postgres", 48)]
    public async Task ManyCustomersConfirmAtOnce_AllGet2xx_AndTheConsoleListsEveryCase(string provider, int customers)
    {
        await using var database = provider == "Postgres" ? await PostgresSchema.CreateAsync() : null;
        var settings = AgentClient.Accounts();
        if (database is not null)
        {
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = database.ConnectionString;
        }

        await using var host = await BotHost.StartAsync(settings: settings);
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var conversations = Enumerable.Range(0, customers).Select(_ => TestActivities.NewConversationId()).ToList();
        await Task.WhenAll(conversations.Select(async c =>
        {
            var brief = await host.ExpectRepliesAsync(Customer(c, "my order is late, talk to a person"));
            host.Wording.AssertIs(HandoffPrompts.ReviewBrief, brief[^1].Text!);
        }));

        // Every confirmation waits at the gate, so they all reach the server at the same moment.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var confirmations = conversations.Select(async c =>
        {
            await gate.Task;
            using var answer = await host.PostActivityAsync(Customer(c, "that's right"));
            return (int)answer.StatusCode;
        }).ToList();
        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var statuses = await Task.WhenAll(confirmations);
        clock.Stop();
        var listed = await alex.CasesAsync();

        output.WriteLine($"{provider}: {customers} simultaneous confirmations answered {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()}x{g.Key}"))} in {clock.ElapsedMilliseconds} ms; the console lists {listed.Count}");
        Assert.All(statuses, status => Assert.InRange(status, 200, 299));
        Assert.Equal(customers, listed.Count);
        var desk = await host.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None);
        Assert.Equal(conversations.Order(StringComparer.Ordinal), desk.Select(c => c.Reference.Conversation!.Id!).Order(StringComparer.Ordinal));
        Assert.Equal(desk.Select(c => c.CaseId).Order(StringComparer.Ordinal), listed.Select(c => c!["caseId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    /// <summary>A message from the customer of conversation <paramref name="conversationId"/>, each customer a different person.</summary>
    private static System.Text.Json.Nodes.JsonObject Customer(string conversationId, string text)
    {
        var message = TestActivities.Message(conversationId, text);
        message["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "user-" + conversationId, ["name"] = "Dana Reyes" };
        return message;
    }

    /// <summary>A schema of its own in the test server (<c>SUPPORTBOT_TEST_POSTGRES</c>), dropped at the end.</summary>
    private sealed class PostgresSchema : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _admin;
        private readonly string _schema;

        private PostgresSchema(NpgsqlDataSource admin, string schema, string connectionString) => (_admin, _schema, ConnectionString) = (admin, schema, connectionString);

        public string ConnectionString { get; }

        public static async Task<PostgresSchema> CreateAsync()
        {
            var connection = Environment.GetEnvironmentVariable("SUPPORTBOT_TEST_POSTGRES") is { Length: > 0 } configured
                ? configured
                : throw new InvalidOperationException("This test needs PostgreSQL: run `bash tests/run.sh` (it starts one), or set SUPPORTBOT_TEST_POSTGRES.");
            var schema = $"t_{Guid.NewGuid():N}";
            var admin = NpgsqlDataSource.Create(connection);
            await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
            {
                await create.ExecuteNonQueryAsync();
            }

            return new PostgresSchema(admin, schema, new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema, MaxPoolSize = 50 }.ConnectionString);
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using (var drop = _admin.CreateCommand($"DROP SCHEMA {_schema} CASCADE"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            await _admin.DisposeAsync();
        }
    }
}

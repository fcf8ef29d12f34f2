using System.Text;
using Microsoft.Data.Sqlite;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Reliability;

/// <summary>Card numbers, security codes and IBANs a customer types are masked before anything is stored, over real HTTP and a real SQLite file.</summary>
public sealed class PaymentDataTests
{
    [Fact]
    public async Task CardNumbersCodesAndIbans_NeverReachStateOrTranscript_InAnyForm()
    {
        using var data = new TempDirectory();
        var conversationId = TestActivities.NewConversationId();
        string[] said =
        [
            "hi",
            "you charged my card 4111.1111.1111.1111 twice, CVV: 737",
            "the other card is 5500  0000 0000 0004 and my pin is 4821",
            "refund it to GB82 WEST 1234 5698 7654 32 please",
        ];
        var replies = new List<string>();
        await using (var host = await BotHost.StartAsync(data.Path))
        {
            foreach (var text in said)
            {
                replies.AddRange((await host.ExpectRepliesAsync(TestActivities.Message(conversationId, text))).Select(r => r.Text ?? string.Empty));
            }

            var transcript = await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId);
            Assert.Contains(transcript, a => a.Text?.Contains("[card ending 1111]", StringComparison.Ordinal) == true);
        }

        var everything = new StringBuilder(string.Join('\n', replies));
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "supportbot.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            foreach (var table in await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            {
                everything.AppendJoin('\n', await ReadAsync(connection, $"SELECT * FROM \"{table}\""));
            }
        }

        var stored = everything.ToString();
        Assert.Contains("ending 0004", stored, StringComparison.Ordinal);
        foreach (var secret in new[] { "4111.1111", "4111111111111111", "5500  0000", "CVV: 737", "pin is 4821", "WEST 1234", "GB82" })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                rows.Add(reader.IsDBNull(i) ? string.Empty : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return rows;
    }
}

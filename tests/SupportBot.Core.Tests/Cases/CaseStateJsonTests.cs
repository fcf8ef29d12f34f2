using System.Text;
using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests.Cases;

/// <summary>
/// The case and the profile are written with serialization code generated at build time: the JSON stored is the same
/// as the state's own rules write (reflection), and a case read back is the case written.
/// </summary>
public sealed class CaseStateJsonTests
{
    [Fact]
    public async Task CaseAndProfile_WrittenAndReadBack_AreTheJsonTheStateRulesWrite()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        var cases = new CaseState(conversationState, userState);
        var activity = Activity.CreateMessage("hi") with { ChannelId = "test", Conversation = new ConversationAccount { Id = "c1" }, From = new ChannelAccount { Id = "u1", Name = "Dana Reyes" } };
        var supportCase = JsonSerializer.Deserialize<SupportCase>(FullCase, StateJson.Options)!;

        var turn = new TurnContext(activity, TimeProvider.System);
        await cases.SetCaseAsync(turn, supportCase, CancellationToken.None);
        var profile = await cases.ProfileAsync(turn, CancellationToken.None);
        profile.Name = "Dana Reyes";
        var writes = new[] { conversationState.GetChanges(turn)!.Value, userState.GetChanges(turn)!.Value }.ToDictionary(w => w.Key, w => w.Value);
        await storage.WriteAsync(writes, CancellationToken.None);

        var stored = await storage.ReadAsync([.. writes.Keys], CancellationToken.None);
        var caseJson = JsonDocument.Parse(stored[writes.Keys.First()].Utf8).RootElement.GetProperty("case").GetRawText();
        var profileJson = JsonDocument.Parse(stored[writes.Keys.Last()].Utf8).RootElement.GetProperty("profile").GetRawText();
        Assert.Equal(JsonSerializer.Serialize(supportCase, StateJson.Options), caseJson);
        Assert.Equal(JsonSerializer.Serialize(profile, StateJson.Options), profileJson);

        var next = new TurnContext(activity, TimeProvider.System);
        var read = await cases.CaseAsync(next, CancellationToken.None);
        Assert.Equal(caseJson, JsonSerializer.Serialize(read, StateJson.Options));
        Assert.Equal((HandoffReason.CustomerAsked, 45m, "USD", 3), (read.HandoffReason, read.Amount, read.Currency, read.Answers.Count));
    }

    private static readonly byte[] FullCase = Encoding.UTF8.GetBytes("""
        {"caseId":"case-20261203-fdcfa111","fullName":"Dana Reyes","firstName":"Dana","customerId":"u1","channelId":"test","conversationId":"c1",
        "tier":"gold","nameAsked":true,"askedForPersonFirst":false,"complaint":"the package from order 55120 was lost, I paid $45 three weeks ago",
        "mirrored":"the package from order 55120 was lost","target":"your package","category":"delivery","categoryTitle":"Delivery late or missing",
        "categoryAsked":false,"suggestion":false,"answers":[{"questionId":"order_number","question":"What's the order number?","answer":"55120","saysNothing":false},
        {"questionId":"when","question":"When did this happen?","answer":"three weeks ago","saysNothing":false},
        {"questionId":"tried","question":"Have you already tried anything?","answer":"I emailed twice","saysNothing":false}],
        "wantsTheFix":true,"underlyingIssues":["nobody answers my emails"],"moods":[{"turn":1,"label":"negative","compound":-0.747,"intensity":0.747,
        "emotions":["frustration","anger"],"feeling":"furious","heat":3}],"usedPromptIds":["furious-frustration-1"],
        "remediesOffered":["a full refund"],"remedyId":"refund","remedyWanted":"a full refund","amount":45,"currency":"USD",
        "deliveryFee":{"text":"$4.99","start":40,"value":4.99,"currency":"USD"},"remedyPaysFor":1,"emailWorks":true,"otherAmounts":[],"actionsUnderway":["dlv_1"],
        "outcomesTold":[],"resolved":false,"nothingWanted":false,"rating":4,"followsOpenCase":false,"openedAt":"2026-12-03T20:17:59.7463358+00:00",
        "handoffReason":"CustomerAsked","handedOverAt":"2026-12-03T20:18:59+00:00","withColleague":true,
        "granted":[{"remedyId":"refund","title":"a full refund","byColleague":true,"at":"2026-12-03T20:19:03.9648976+00:00"}],"linesSinceNamed":2}
        """);
}

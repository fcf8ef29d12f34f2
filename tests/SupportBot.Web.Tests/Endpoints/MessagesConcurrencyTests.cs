using System.Net;
using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>Messages of one conversation arriving together run one turn at a time, each answered with its own replies.</summary>
public sealed class MessagesConcurrencyTests
{
    [Fact]
    public async Task PostActivity_FiveMessagesOfOneConversationAtOnce_AnswersEachWithoutInterleaving()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        var burst = Enumerable.Range(1, 5).Select(i => TestActivities.Message(conversationId, $"My parcel number {i} never arrived.")).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = burst.Select(async activity =>
        {
            await go.Task;
            using var response = await host.PostActivityAsync(activity);
            return (Id: activity["id"]!.GetValue<string>(), response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();

        go.SetResult();
        var answers = await Task.WhenAll(posts).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"{a.Id}: {(int)a.StatusCode} {a.Body}"));
        var repliesById = answers.ToDictionary(a => a.Id, a => JsonSerializer.Deserialize(a.Body, ActivityJson.Default.ExpectedReplies)!.Activities);
        Assert.All(repliesById, pair =>
        {
            Assert.NotEmpty(pair.Value);
            Assert.All(pair.Value, reply => Assert.Equal(pair.Key, reply.ReplyToId));
        });

        // Had two turns run on the same state, two of them would have taken the complaint step (the only one with empathy).
        Assert.Single(repliesById.Values, replies => replies.Any(r => host.Wording.MatchesAny("empathy.", r.Text)));

        var transcript = await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId);
        var turns = TestActivities.SplitIntoTurns(transcript);
        Assert.Equal(6, turns.Count);
        foreach (var (inbound, replies) in turns.Skip(1))
        {
            Assert.True(repliesById.TryGetValue(inbound.Id!, out var answered), $"Unexpected inbound {inbound.Id} in the transcript.");
            Assert.Equal(answered.Select(r => (r.ReplyToId, r.Text)), replies.Select(r => (r.ReplyToId, r.Text)));
        }

        Assert.Equal(repliesById.Keys.Order(), turns.Skip(1).Select(t => t.Inbound.Id!).Order());
    }
}

using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Hosting;

/// <summary>State is durable: a conversation survives the app stopping and a new one starting on the same data, or moves to another instance on PostgreSQL.</summary>
public sealed class SupportBotAppRestartTests
{
    [Fact]
    public async Task Conversation_AppRestartedOnSameDataDirectory_ResumesAtItsStep()
    {
        using var data = new TempDirectory();
        var conversationId = TestActivities.NewConversationId();
        await using (var before = await BotHost.StartAsync(data.Path))
        {
            await before.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
            var asked = await before.ExpectRepliesAsync(TestActivities.Message(conversationId, "My parcel never arrived."));
            before.Wording.AssertIs(SupportPrompts.Question("order_number"), asked[^1].Text);
        }

        await using var after = await BotHost.StartAsync(data.Path);
        var replies = await after.ExpectRepliesAsync(TestActivities.Message(conversationId, "order 48213"));

        var question = Assert.Single(replies);
        after.Wording.AssertIs(SupportPrompts.Question("when"), question.Text);

        // "hi" + greeting, complaint + empathy + order question (before the restart), the number + the next question.
        Assert.Equal(7, (await after.GetTranscriptAsync(TestActivities.ChannelId, conversationId)).Count);
    }

    [Fact]
    public async Task Conversation_OnPostgres_ResumesOnAnotherInstance()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        var conversationId = TestActivities.NewConversationId();
        await using var first = await BotHost.StartAsync(settings: schema.Settings());
        await using var second = await BotHost.StartAsync(settings: schema.Settings());

        await first.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        await first.ExpectRepliesAsync(TestActivities.Message(conversationId, "My parcel never arrived."));
        var replies = await second.ExpectRepliesAsync(TestActivities.Message(conversationId, "order 48213"));

        second.Wording.AssertIs(SupportPrompts.Question("when"), Assert.Single(replies).Text);
        Assert.Equal(7, (await second.GetTranscriptAsync(TestActivities.ChannelId, conversationId)).Count);
    }
}

using SupportBot.Testing;

namespace SupportBot.Core.Tests.Transcripts;

/// <summary>Every <c>.chat</c> and <c>.transcript</c> file under Transcripts/Conversations runs as a test against the support bot.</summary>
public sealed class ConversationTranscriptTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Transcripts", "Conversations");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => f.EndsWith(".chat", StringComparison.Ordinal) || f.EndsWith(".transcript", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_FromFile_BotRepliesMatch(string file)
    {
        var path = Path.Combine(Folder, file);
        var script = file.EndsWith(".chat", StringComparison.Ordinal) ? ChatFile.Load(path) : TranscriptFile.Load(path);

        var business = Fulfilment.FakeBusiness.Named(script.Settings.GetValueOrDefault("business"));
        await script.ToTestFlow(TestBots.SupportBot(business: business), conversationId: Path.GetFileNameWithoutExtension(file)).StartTestAsync();
    }

    [Fact]
    public async Task Conversation_ReplyDiffersFromFile_FailsNamingFileAndLine()
    {
        var script = ChatFile.Parse("user=Dana Reyes\n\nuser: hi\nbot: Good evening, Sir.\n", "wrong.chat");

        var error = await Assert.ThrowsAsync<TestFlowException>(() => script.ToTestFlow(TestBots.SupportBot()).StartTestAsync());

        Assert.Contains("wrong.chat:4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_BotSaysMoreThanFile_Fails()
    {
        var script = ChatFile.Parse("user=Dana Reyes\n\nuser: hi\nbot: *\nuser: my parcel never arrived\nbot: *\n", "short.chat");

        var error = await Assert.ThrowsAsync<TestFlowException>(() => script.ToTestFlow(TestBots.SupportBot()).StartTestAsync());

        Assert.Contains("no more replies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatFile_UnknownDirective_ReportsLine()
    {
        var error = Assert.Throws<FormatException>(() => ChatFile.Parse("user: hi\nbot: hello\n[Bogus=1]\n", "bad.chat"));

        Assert.Contains("bad.chat:2", error.Message, StringComparison.Ordinal);
    }
}

using SupportBot.Web.Admin;

namespace SupportBot.Web.Tests.Admin;

/// <summary>The studio's edits change only the value edited: comments, order, quoting and layout stay the admin's.</summary>
public sealed class YamlEditsTests
{
    private const string Prompts = """
        # Greeting: the first thing a customer reads.
        greeting.welcome:
          - id: welcome-1
            text: "Hi {name}, what went wrong?"
          # the friendlier one
          - id: welcome-2
            text: Hello {name}, tell me what happened.
        # Asked once.
        greeting.ask_name:
          - id: ask-name-1
            text: |
              What's your name?

        """;

    [Fact]
    public void Set_VariantText_ReplacesOnlyThatValueKeepingComments()
    {
        var edited = YamlEdits.Set(Prompts, ["greeting.welcome", "id=welcome-2", "text"], YamlEdits.Quote("Hey \"{name}\", what's up?"));

        Assert.Equal(Prompts.Replace("text: Hello {name}, tell me what happened.", "text: \"Hey \\\"{name}\\\", what's up?\"", StringComparison.Ordinal), edited);
        Assert.Equal("Hey \"{name}\", what's up?", YamlEdits.Read(edited, ["greeting.welcome", "id=welcome-2", "text"]));
    }

    [Fact]
    public void Set_BlockScalar_ReplacedAndTheNextKeyUntouched()
    {
        var edited = YamlEdits.Set(Prompts, ["greeting.ask_name", "id=ask-name-1", "text"], YamlEdits.Quote("Who am I talking to?"));

        Assert.EndsWith("    text: \"Who am I talking to?\"\n", edited, StringComparison.Ordinal);
        Assert.Equal("Who am I talking to?", YamlEdits.Read(edited, ["greeting.ask_name", "id=ask-name-1", "text"]));
    }

    [Fact]
    public void Append_Variant_GoesAfterTheLastOneBeforeTheNextKeysComment()
    {
        var edited = YamlEdits.Append(Prompts, ["greeting.welcome"], "id: welcome-3\ntext: \"Hi {name}!\"");

        Assert.Contains("    text: Hello {name}, tell me what happened.\n  - id: welcome-3\n    text: \"Hi {name}!\"\n# Asked once.\n", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_FlowList_AddsTheItemInsideTheBrackets()
    {
        const string Categories = "delivery:\n  title: \"Late\"\n  keywords: [late, \"never came\"]  # words\n  questions: [order_number]\n";

        var edited = YamlEdits.Append(Categories, ["delivery", "keywords"], YamlEdits.Quote("not here"));

        Assert.Equal("delivery:\n  title: \"Late\"\n  keywords: [late, \"never came\", \"not here\"]  # words\n  questions: [order_number]\n", edited);
    }

    [Fact]
    public void Set_FlowList_ReplacedWholeWithTheCommentAfterIt()
    {
        const string Categories = "delivery:\n  keywords: [late, \"never [came]\", 'it''s late']  # words\n  questions: [order_number]\n";

        var edited = YamlEdits.Set(Categories, ["delivery", "keywords"], YamlEdits.FlowList(["late", "lost parcel", "parcel"]));

        Assert.Equal("delivery:\n  keywords: [late, \"lost parcel\", parcel]  # words\n  questions: [order_number]\n", edited);
    }

    [Fact]
    public void Set_ApprovalBlock_ReplacedAndAMissingKeyAddedAtTheEndOfItsMapping()
    {
        const string Remedies = "refund:\n  title: \"a full refund\"\n  approval:\n    auto_up_to: 75\n    max_prior_remedies: 1\n# next\ncredit:\n  title: \"a credit\"\n";

        var tightened = YamlEdits.Set(Remedies, ["refund", "approval"], "auto_up_to: 40\nalways: true");
        var added = YamlEdits.Set(Remedies, ["credit", "approval"], "auto_up_to: 20");

        Assert.Equal("refund:\n  title: \"a full refund\"\n  approval:\n    auto_up_to: 40\n    always: true\n# next\ncredit:\n  title: \"a credit\"\n", tightened);
        Assert.Equal(Remedies + "  approval:\n    auto_up_to: 20\n", added);
        Assert.Equal("20", YamlEdits.Read(added, ["credit", "approval", "auto_up_to"]));
    }

    [Fact]
    public void Set_BlockInPlaceOfAFlowValue_StartsOnTheLineAfterItsKey()
    {
        const string Remedies = "credit:\n  title: \"a credit\"\n  approval: {}\n  asked: \"soon\"\n";

        var edited = YamlEdits.Set(Remedies, ["credit", "approval"], "max_prior_remedies: 2\ntiers: [gold]");

        Assert.Equal("credit:\n  title: \"a credit\"\n  approval:\n    max_prior_remedies: 2\n    tiers: [gold]\n  asked: \"soon\"\n", edited);
    }

    [Fact]
    public void Set_PathNotInTheFile_RefusedSayingWhatIsMissing()
    {
        var error = Assert.Throws<FormatException>(() => YamlEdits.Set(Prompts, ["greeting.welcome", "id=welcome-9", "text"], "\"x\""));

        Assert.Contains("no 'id=welcome-9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineDiff_OneLineChanged_ShowsItRemovedThenAddedWithContext()
    {
        var older = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"line {i}"));
        var newer = older.Replace("line 7", "line seven", StringComparison.Ordinal);

        var diff = LineDiff.Of(older, newer).Select(d => $"{d.Op}{d.Text}").ToList();

        Assert.Equal(["…", " line 5", " line 6", "-line 7", "+line seven", " line 8", " line 9", "…"], diff);
    }
}

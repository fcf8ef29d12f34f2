using System.Text;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;

namespace SupportBot.Core.Tests.PromptFiles;

/// <summary>The craft rules as an author meets them: through the loader, each breach at its file and text line.</summary>
public sealed class PromptCraftRulesTests
{
    private const string FileName = "dialogs/craft.yaml";

    private static readonly PromptDefinition[] Definitions =
    [
        PromptDefinition.Of("greeting.welcome", "name"),
        PromptDefinition.Of("greeting.anonymous", "name") with { NameOptional = true },
        PromptDefinition.Of("greeting.plain"),
        PromptDefinition.Of("closing.bye", "name"),
        PromptDefinition.Of("empathy.mild", "name", "issue"),
        PromptDefinition.Of("empathy.severe", "name", "issue"),
        PromptDefinition.Of("handoff.passed", "name"),
        PromptDefinition.Of("handoff.summary", "name", "issue"),
        PromptDefinition.Of("fulfilment.done", "name") with { ConfirmedOutcome = true },
    ];

    /// <summary>One good variant per key; a test replaces the variants of the keys it is about.</summary>
    private static readonly (string Key, string Text)[] Baseline =
    [
        ("greeting.welcome", "Hi {name}, thanks for getting in touch."),
        ("greeting.anonymous", "Hello! Who am I talking to?"),
        ("greeting.plain", "Welcome to support."),
        ("closing.bye", "Thanks for your patience, {name}."),
        ("empathy.mild", "That sounds annoying, {name}, and I'm sorry it has cost you time."),
        ("empathy.severe", "I can hear how frustrating this has been, {name}, and I'm sorry we let you down."),
        ("handoff.passed", "A colleague will pick this up from here."),
        ("handoff.summary", "Here is what you told me: {issue}."),
        ("fulfilment.done", "Your refund is on its way back to your card, {name}."),
    ];

    [Theory]
    [InlineData("Sorry.")]
    [InlineData("Sorry!")]
    [InlineData("Sorry about that.")]
    [InlineData("We're sorry.")]
    [InlineData("I'm sorry.")]
    [InlineData("Sorry for that, {name}.")]
    [InlineData("{name}, sorry for the inconvenience.")]
    [InlineData("We apologize for any inconvenience caused.")]
    [InlineData("That sounds hard, {name}. Apologies for the trouble.")]
    public void PromptCraftRules_BareApology_ReportedAtTextLine(string text)
    {
        var yaml = Yaml(("empathy.mild", text));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(FileName, error.File);
        Assert.Equal(LineOf(yaml, text), error.Line);
        Assert.Contains("'empathy-mild-1' apologizes without saying what for", error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. \"I'm sorry the parcel is late.\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I'm sorry your refund has taken three weeks.")]
    [InlineData("I'm sorry we let you down.")]
    [InlineData("I'm sorry it has cost you time.")]
    [InlineData("{name}, I'm sorry about {issue}.")]
    [InlineData("Sorry, {name}, we sent you the wrong size.")]
    public void PromptCraftRules_ApologyThatSaysWhatFor_Accepted(string text)
    {
        var errors = Check(Yaml(("empathy.mild", text)));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("That is against our policy, {name}.", "policy")]
    [InlineData("Company policies don't allow a refund here.", "policies")]
    [InlineData("Our POLICY is to wait 30 days.", "POLICY")]
    [InlineData("Our rules say a colleague must check first.", "Our rules")]
    [InlineData("Company rules prevent me from changing it.", "Company rules")]
    [InlineData("I'm not allowed to change the address.", "not allowed")]
    [InlineData("That isn't permitted, {name}.", "isn't permitted")]
    [InlineData("We are unable to refund it due to the terms.", "due to the terms")]
    [InlineData("Per our terms, refunds take 30 days.", "Per our terms")]
    [InlineData("As per the guidelines, I must ask again.", "As per the guidelines")]
    [InlineData("I'm afraid my hands are tied.", "my hands are tied")]
    public void PromptCraftRules_HidesBehindPolicy_ReportedWithThePhrase(string text, string phrase)
    {
        var yaml = Yaml(("handoff.passed", text));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(FileName, error.File);
        Assert.Equal(LineOf(yaml, text), error.Line);
        Assert.Contains($"'handoff-passed-1' hides behind policy (\"{phrase}\")", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I can't refund a gift card, but I can send a replacement today.")]
    [InlineData("The police found your parcel at the depot.")]
    [InlineData("Your policyholder number isn't needed.")]
    [InlineData("I'm unable to reach the courier due to the storm, so I'll call them at nine.")]
    [InlineData("We allowed extra time for the delivery.")]
    public void PromptCraftRules_PlainReason_NotTakenForPolicy(string text)
    {
        var errors = Check(Yaml(("handoff.passed", text)));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("greeting.welcome", "Hi there, thanks for getting in touch.", "greets without the customer's name")]
    [InlineData("greeting.welcome", "Hello! What went wrong?", "greets without the customer's name")]
    [InlineData("closing.bye", "Thanks for your patience.", "closes without the customer's name")]
    [InlineData("closing.bye", "Take care, NAME.", "closes without the customer's name")]
    public void PromptCraftRules_GreetingOrClosingWithoutName_Reported(string key, string text, string expected)
    {
        var yaml = Yaml((key, text));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(FileName, error.File);
        Assert.Equal(LineOf(yaml, text), error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("use {name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptCraftRules_OneGreetingVariantWithoutName_ReportsOnlyThatVariant()
    {
        var yaml = Yaml(("greeting.welcome", "Hi {name}, what went wrong?"), ("greeting.welcome", "Hi, what went wrong?"));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(LineOf(yaml, "Hi, what went wrong?"), error.Line);
        Assert.Contains("'greeting-welcome-2'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("greeting.anonymous", "Hello! Who am I talking to?")]
    [InlineData("greeting.plain", "Welcome to support.")]
    [InlineData("handoff.passed", "A colleague will pick this up from here.")]
    public void PromptCraftRules_NameOptionalOrNotAllowedOrNotGreeting_NoNameNeeded(string key, string text)
    {
        var errors = Check(Yaml((key, text)));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("I hear you, {name}. Let's fix it.", "I hear you, {name}. Let's fix it.")]
    [InlineData("I hear you, {name}. Let's fix it.", "i hear you {name}... let's   FIX it!")]
    [InlineData("I hear you, {name}. Let's fix it.", "I hear you {name}; let's fix it")]
    public void PromptCraftRules_SameEmpathyWordingAcrossKeys_ReportedAtTheSecond(string first, string second)
    {
        var yaml = Yaml(("empathy.mild", first), ("empathy.severe", second));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(LineOf(yaml, second, after: LineOf(yaml, first)), error.Line);
        Assert.Contains($"'empathy-severe-1' says the same as 'empathy-mild-1' ({FileName}:{LineOf(yaml, first)})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptCraftRules_SameEmpathyWordingWithinAKey_Reported()
    {
        var yaml = Yaml(("empathy.mild", "That sounds annoying, {name}."), ("empathy.mild", "That sounds annoying, {name}!"));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(LineOf(yaml, "That sounds annoying, {name}!"), error.Line);
        Assert.Contains("'empathy-mild-2' says the same as 'empathy-mild-1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptCraftRules_EmpathyDifferingOnlyInNamePlacement_Reported()
    {
        var yaml = Yaml(("empathy.mild", "{name}, that sounds annoying."), ("empathy.severe", "That sounds annoying, {name}."));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(LineOf(yaml, "That sounds annoying, {name}."), error.Line);
        Assert.Contains("only in where {name} goes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptCraftRules_SameWordingOutsideEmpathy_Accepted()
    {
        var yaml = Yaml(("greeting.plain", "Welcome to support."), ("handoff.passed", "Welcome to support."));

        var errors = Check(yaml);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("{issue}")]
    [InlineData("{issue}.")]
    [InlineData("  {name}, {issue}!  ")]
    public void PromptCraftRules_OnlyAVariable_Reported(string text)
    {
        var yaml = Yaml(("handoff.summary", text));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(LineOf(yaml, text), error.Line);
        Assert.Contains("'handoff-summary-1' is only a variable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptCraftRules_SeveralBreaches_AllReportedInLineOrder()
    {
        var yaml = Yaml(("greeting.welcome", "Sorry, hello."), ("closing.bye", "Bye, per our terms."), ("empathy.mild", "Sorry about that."));

        var errors = Check(yaml);

        Assert.Equal(5, errors.Count);
        Assert.Equal(errors.OrderBy(e => e.Line).ToList(), errors);
        Assert.All(errors, e => Assert.Equal(FileName, e.File));
    }

    [Fact]
    public void PromptCraftRules_BreachOnReload_LastGoodPromptsStayLive()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-craft").FullName;
        File.WriteAllText(Path.Combine(directory, "craft.yaml"), Yaml());
        var source = PromptSource.Load(directory, Definitions);
        var bad = Yaml(("empathy.mild", "Sorry about that."));
        File.WriteAllText(Path.Combine(directory, "craft.yaml"), bad);

        var errors = source.Reload();

        var error = Assert.Single(errors);
        Assert.Equal($"{Path.GetFileName(directory)}/craft.yaml:{LineOf(bad, "Sorry about that.")}", $"{error.File}:{error.Line}");
        Assert.Equal("That sounds annoying, Dana, and I'm sorry it has cost you time.", source.Current.Render("empathy.mild", new Dictionary<string, string?> { ["name"] = "Dana" }).Text);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("Done, {name}: a full refund.", "Done")]
    [InlineData("That's sorted, {name}.", "That's sorted")]
    [InlineData("I've sent a secure reset link to your email, {name}.", "I've sent")]
    [InlineData("Your refund is on its way back to your card, {name}.", "is on its way")]
    [InlineData("Your upgrade is confirmed, {name}.", "is confirmed")]
    [InlineData("We've added the credit to your account, {name}.", "We've added the credit")]
    [InlineData("Thanks, {name}. The replacement has been dispatched.", "has been dispatched")]
    public void PromptCraftRules_ClaimOfDoneBeforeAnythingConfirmedIt_ReportedAtTextLine(string text, string claim)
    {
        var yaml = Yaml(("handoff.passed", text));

        var error = Assert.Single(Check(yaml));

        Assert.Equal(LineOf(yaml, text), error.Line);
        Assert.Contains($"'handoff-passed-1' claims an action is done (\"{claim}\"), but 'handoff.passed' is said before anything confirms it", error.Message, StringComparison.Ordinal);
        Assert.Contains("say what will happen, by whom and by when", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I've asked our refunds team to return your money, {name}; you'll get an email when it's done.")]
    [InlineData("I've added that to your case, {name}, and passed it to a colleague.")]
    [InlineData("I'll tell you here once it's booked, {name}, and the moment the refund is on its way.")]
    [InlineData("Is that everything sorted, {name}?")]
    [InlineData("{name}, a colleague will cancel it for you and confirm by email.")]
    public void PromptCraftRules_WhatWillHappenOrWhatTheBotDidItself_IsNoClaim(string text)
    {
        Assert.Empty(Check(Yaml(("handoff.passed", text))));
    }

    [Fact]
    public void PromptCraftRules_ClaimInAPromptSaidOnlyOnceConfirmed_Accepted()
    {
        Assert.Empty(Check(Yaml(("fulfilment.done", "Done, {name}: your refund has been sent."))));
    }

    [Fact]
    public void PromptCraftRules_RepositoryDialogs_PassEveryRule()
    {
        var result = PromptFileLoader.Load(TestBots.DialogsDirectory, SupportPrompts.Definitions);

        Assert.True(result.Errors.Count == 0, "dialogs/ breaks the prompt rules:\n" + string.Join('\n', result.Errors));
    }

    [Fact]
    public void PromptDefinition_Of_KeepsNameRequiredByDefault()
    {
        var definition = PromptDefinition.Of("greeting.welcome", "name");

        Assert.False(definition.NameOptional);
        Assert.Equal("there", definition.Variables["name"]);
    }

    [Fact]
    public void PromptError_WithoutLine_PrintsFileOnly()
    {
        Assert.Equal("dialogs: The prompt 'x' is required.", new PromptError("dialogs", 0, "The prompt 'x' is required.").ToString());
        Assert.Equal("dialogs/a.yaml:3: Bad.", new PromptError("dialogs/a.yaml", 3, "Bad.").ToString());
    }

    private static IReadOnlyList<PromptError> Check(string yaml) => PromptFileLoader.Parse([(FileName, yaml)], Definitions).Errors;

    /// <summary>
    /// A prompt file with every baseline key; the keys named in <paramref name="variants"/> get those texts instead,
    /// as variants <c>key-with-dashes-1</c>, <c>-2</c>, ... in the order given.
    /// </summary>
    private static string Yaml(params (string Key, string Text)[] variants)
    {
        var yaml = new StringBuilder("# craft rules test\n");
        foreach (var (key, text) in Baseline)
        {
            var texts = variants.Where(v => v.Key == key).Select(v => v.Text).DefaultIfEmpty(text).ToList();
            yaml.Append(key).Append(":\n");
            for (var i = 0; i < texts.Count; i++)
            {
                yaml.Append($"  - id: {key.Replace('.', '-')}-{i + 1}\n");
                yaml.Append($"    text: \"{texts[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n");
            }
        }

        return yaml.ToString();
    }

    /// <summary>The 1-based line whose text is <paramref name="text"/>, searching below line <paramref name="after"/>.</summary>
    private static int LineOf(string yaml, string text, int after = 0)
    {
        var lines = yaml.Split('\n');
        for (var i = after; i < lines.Length; i++)
        {
            if (lines[i].Contains($"text: \"{text}\"", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{text}' is not in the file.");
    }
}

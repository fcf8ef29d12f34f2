using SupportBot.Core.Cases;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Support;

public sealed class SupportCatalogTests
{
    private static IReadOnlyList<PromptError> LoadRemedies(string remediesYaml)
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-catalog").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "categories.yaml"), "other:\n  title: Other\n  questions: [when]\n  remedies: [refund]\n");
            File.WriteAllText(Path.Combine(directory, "remedies.yaml"), remediesYaml);
            var (catalog, errors) = SupportCatalogLoader.Load(directory);
            Assert.Null(catalog);
            return errors;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SupportCatalog Repository() => SupportCatalogLoader.Load(Path.Combine(TestBots.DialogsDirectory, "catalog")).Catalog!;

    [Fact]
    public void SupportCatalogLoader_RepositoryCatalog_LoadsWithoutErrors()
    {
        var (catalog, errors) = SupportCatalogLoader.Load(Path.Combine(TestBots.DialogsDirectory, "catalog"));

        Assert.Empty(errors);
        Assert.Contains(catalog!.Categories, c => c.Id == "other");
        Assert.Equal(["delivery", "damaged", "billing", "account", "technical", "service", "cancel_return", "question", "other"], catalog.Categories.Select(c => c.Id));
        Assert.All(catalog.Categories.Where(c => c.Id != "question"), c => Assert.NotEmpty(c.Remedies));
        Assert.DoesNotContain("order_number", catalog.Category("technical").Questions);
    }

    [Fact]
    public void SupportCatalogLoader_UnknownQuestionAndRemedy_ReportedWithLine()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-catalog").FullName;
        File.WriteAllText(Path.Combine(directory, "categories.yaml"), "other:\n  title: Other\n  questions: [when, shoe_size]\n  remedies: [credit, pony]\n");
        File.WriteAllText(Path.Combine(directory, "remedies.yaml"), "credit:\n  title: a credit\n  next_steps: done\n  approval:\n    max_prior_remedies: lots\n");

        var (catalog, errors) = SupportCatalogLoader.Load(directory);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.File.EndsWith("categories.yaml", StringComparison.Ordinal) && e.Line == 3 && e.Message.Contains("shoe_size", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("'pony'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("remedies.yaml", StringComparison.Ordinal) && e.Line == 5 && e.Message.Contains("whole number", StringComparison.Ordinal));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void SupportCatalogLoader_NextStepsWithUnknownOrBrokenVariable_ReportedWithLine()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-catalog").FullName;
        File.WriteAllText(Path.Combine(directory, "categories.yaml"), "other:\n  title: Other\n  keywords: []\n  questions: [when]\n  remedies: [credit, refund]\n");
        File.WriteAllText(Path.Combine(directory, "remedies.yaml"),
            "credit:\n  title: a credit\n  next_steps: \"Your credit of {amount} for {order_number} is on its way, {name}.\"\n  approval:\n    max_prior_remedies: 1\n"
            + "refund:\n  title: a refund\n  next_steps: \"Your refund of {amount is on its way.\"\n  approval:\n    always: true\n");

        var (catalog, errors) = SupportCatalogLoader.Load(directory);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.File.EndsWith("remedies.yaml", StringComparison.Ordinal) && e.Line == 3 && e.Message.Contains("Unknown variable '{order_number}'", StringComparison.Ordinal) && e.Message.Contains("{amount}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("remedies.yaml", StringComparison.Ordinal) && e.Line == 8 && e.Message.Contains("Unbalanced", StringComparison.Ordinal));
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("Sam", 42.5, "I've asked our refunds team to return 42.50 to your original payment method, Sam.", "Your refund of 42.50 is on its way back to your original payment method, Sam;")]
    [InlineData(null, null, "I've asked our refunds team to return the full amount to your original payment method, there.", "Your refund of the full amount is on its way back to your original payment method, there;")]
    public void RemedyWording_FilledAsAPromptIs_WithFallbacksForWhatIsNotKnown(string? name, double? amount, string asked, string done)
    {
        var refund = Repository().Remedies["refund"];
        var values = new Dictionary<string, string?>
        {
            ["name"] = name,
            ["amount"] = amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        };

        var askedText = PromptCatalog.Fill(SupportPrompts.NextSteps, refund.Asked, values);
        var doneText = PromptCatalog.Fill(SupportPrompts.NextSteps, refund.Done, values);

        Assert.StartsWith(asked, askedText, StringComparison.Ordinal);
        Assert.StartsWith(done, doneText, StringComparison.Ordinal);
        Assert.DoesNotContain("{", askedText + doneText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my parcel never arrived", "delivery")]
    [InlineData("the screen is cracked and it doesn't work", "damaged")]
    [InlineData("you charged me twice on my card", "billing")]
    [InlineData("the technician didn't show up for the appointment", "service")]
    [InlineData("I'm locked out of my account, the password reset fails", "account")]
    [InlineData("I'm just unhappy", null)]
    [InlineData("My tablet won't charge anymore", "damaged")]
    [InlineData("engineer was meant to come tuesday, nobody turned up", "service")]
    public void CategoryClassifier_Complaint_PicksCategoryOrAsks(string complaint, string? expected)
    {
        Assert.Equal(expected, CategoryClassifier.Classify(complaint, Repository()));
    }

    [Fact]
    public void RemedyAdvisor_Offer_CategoryRemediesBestFirst()
    {
        var offered = RemedyAdvisor.Offer(Repository(), new SupportCase { Category = "delivery" });

        Assert.Equal(["express_reshipment", "refund", "credit"], offered.Select(r => r.Id));
    }

    [Fact]
    public void RemedyAdvisor_Offer_NoReturnLabelForASubscription()
    {
        var subscription = new SupportCase { Category = "cancel_return", Complaint = "cancel my subscription please" };
        var order = new SupportCase { Category = "cancel_return", Complaint = "I want to send back the kettle I ordered" };

        Assert.Equal(["cancel_for_you", "refund"], RemedyAdvisor.Offer(Repository(), subscription).Select(r => r.Id));
        Assert.Equal(["cancel_for_you", "free_return", "refund"], RemedyAdvisor.Offer(Repository(), order).Select(r => r.Id));
    }

    [Fact]
    public void RemedyAdvisor_Offer_DeliveryRefundOnlyWhenADeliveryFeeWasMentioned()
    {
        var supportCase = new SupportCase { Category = "delivery" };
        CaseAmounts.Take(supportCase, "it's late and I paid £12 for express delivery", "GBP", DateTimeOffset.UnixEpoch);

        var offered = RemedyAdvisor.Offer(Repository(), supportCase);

        Assert.Equal(["express_reshipment", "refund", "delivery_refund"], offered.Select(r => r.Id));
    }

    [Theory]
    [InlineData("it's late and I paid £12 for express delivery. I'd like the delivery fee back", "delivery_refund")]
    [InlineData("it's late and I paid £12 for express delivery. can you just send a new one", "express_reshipment")]
    [InlineData("it's late and I paid £12 for express delivery, and the refund you promised never came", "express_reshipment")]
    [InlineData("it's late and I paid £12 for express delivery. I don't want a refund", "express_reshipment")]
    public void RemedyAdvisor_Offer_WhatTheCustomerAskedForFirst(string complaint, string first)
    {
        var supportCase = new SupportCase { Category = "delivery", Complaint = complaint };
        CaseAmounts.Take(supportCase, complaint, "GBP", DateTimeOffset.UnixEpoch);

        var offered = RemedyAdvisor.Offer(Repository(), supportCase);

        Assert.Equal(first, offered[0].Id);
        Assert.Equal(3, offered.Count);
    }

    [Fact]
    public void RemedyAdvisor_Offer_ASwapAskedForIsTheExchange()
    {
        var supportCase = new SupportCase { Category = "cancel_return", Complaint = "the trainers are too small, can i swap them for a 10?" };

        Assert.Equal(["exchange", "cancel_for_you", "free_return"], RemedyAdvisor.Offer(Repository(), supportCase).Select(r => r.Id));
    }

    [Theory]
    [InlineData(40.0, "USD", 0, "standard", true)]
    [InlineData(120.0, "USD", 0, "standard", false)]
    [InlineData(null, "USD", 0, "standard", false)]
    [InlineData(40.0, "USD", 2, "standard", false)]
    [InlineData(40.0, "GBP", 0, "standard", false)]
    public void RemedyAdvisor_RefundRules_AmountCurrencyAndPriorRemedies(double? amount, string currency, int prior, string tier, bool auto)
    {
        var refund = Repository().Remedies["refund"];
        var money = amount is { } value ? new MoneyAmount { Value = (decimal)value, Currency = currency, Text = "x", Start = 0 } : null;

        var check = RemedyAdvisor.Check(refund, money, new UserProfile { RemediesGranted = prior, Tier = tier }, "USD");

        Assert.Equal(auto, check.AutoApproved);
        Assert.Equal(auto, check.Reason is null);
    }

    [Theory]
    [InlineData(120.0, "USD", "the amount is over the automatic limit of $75.00", false)]
    [InlineData(89.0, "GBP", "the amount is in GBP, and the automatic limit is $75.00", false)]
    [InlineData(null, "USD", "the amount is not known, and a full refund is granted automatically only up to $75.00", true)]
    public void RemedyAdvisor_RefundNeedsApproval_ReasonKeepsTheCurrency(double? amount, string currency, string reason, bool amountUnknown)
    {
        var refund = Repository().Remedies["refund"];
        var money = amount is { } value ? new MoneyAmount { Value = (decimal)value, Currency = currency, Text = "x", Start = 0 } : null;

        var check = RemedyAdvisor.Check(refund, money, new UserProfile(), "USD");

        Assert.Equal(reason, check.Reason);
        Assert.Equal(amountUnknown, check.AmountUnknown);
    }

    [Fact]
    public void RemedyAdvisor_AmountFor_TheItemForARefundTheDeliveryFeeForADeliveryRefund()
    {
        var catalog = Repository();
        var supportCase = new SupportCase();
        CaseAmounts.Take(supportCase, "the lamp cost £89 and I paid a £12 express delivery charge", "USD", DateTimeOffset.UnixEpoch);

        var refund = RemedyAdvisor.AmountFor(catalog.Remedies["refund"], supportCase);
        var delivery = RemedyAdvisor.AmountFor(catalog.Remedies["delivery_refund"], supportCase);

        Assert.Equal("£89.00", refund?.ToString());
        Assert.Equal("£12.00", delivery?.ToString());
    }

    [Fact]
    public void RemedyAdvisor_TierRule_NamesTheTiers()
    {
        var upgrade = Repository().Remedies["upgrade"];

        var standard = RemedyAdvisor.Check(upgrade, null, new UserProfile { Tier = "standard" }, "USD");
        var gold = RemedyAdvisor.Check(upgrade, null, new UserProfile { Tier = "gold" }, "USD");

        Assert.False(standard.AutoApproved);
        Assert.Contains("gold", standard.Reason, StringComparison.Ordinal);
        Assert.True(gold.AutoApproved);
    }

    [Fact]
    public void SupportCatalogLoader_RemedyNotSayingHowItIsCarriedOut_ReportedWithLine()
    {
        var errors = LoadRemedies("refund:\n  title: a refund\n  asked: \"I've asked our refunds team.\"\n  done: \"Refunded.\"\n  approval:\n    always: true\n");

        var error = Assert.Single(errors, e => e.Message.Contains("does not say how it is carried out", StringComparison.Ordinal));
        Assert.Equal(("remedies.yaml", 1), (Path.GetFileName(error.File), error.Line));
        Assert.Contains("fulfil: { webhook: NAME }", error.Message, StringComparison.Ordinal);
        Assert.Contains("fulfil: { colleague: true }", error.Message, StringComparison.Ordinal);
        Assert.Contains("fulfil: { none: true }", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  fulfil: { webhook: refunds, colleague: true }\n  asked: \"a\"\n  done: \"b\"\n", 3, "must say one way it is carried out")]
    [InlineData("  fulfil: { webhook: \"refunds system\" }\n  asked: \"a\"\n  done: \"b\"\n", 3, "a webhook's name is letters, digits")]
    [InlineData("  fulfil: { colleague: maybe }\n  asked: \"a\"\n  done: \"b\"\n", 3, "write colleague: true")]
    [InlineData("  fulfil: { robot: true }\n  asked: \"a\"\n  done: \"b\"\n", 3, "Unknown field 'robot' in the fulfil of 'refund'")]
    [InlineData("  fulfil: { webhook: refunds }\n  next_steps: \"Your refund is on its way.\"\n  done: \"b\"\n", 4, "an action says 'asked' (while it is not confirmed) and 'done' (once it is), not next_steps")]
    [InlineData("  fulfil: { webhook: refunds }\n  done: \"b\"\n", 1, "has no asked")]
    [InlineData("  fulfil: { none: true }\n  next_steps: \"Restart it.\"\n  done: \"b\"\n", 5, "information only (fulfil: { none: true }) says its next_steps")]
    [InlineData("  fulfil: { colleague: true }\n  asked: \"Done, {name}: your refund is on its way.\"\n  done: \"b\"\n", 4, "The asked of 'refund' claims it is done (\"Done\")")]
    [InlineData("  fulfil: { none: true }\n  next_steps: \"I've sent you a new password.\"\n", 4, "The next_steps of 'refund' claims it is done (\"I've sent\")")]
    [InlineData("  fulfil: { colleague: true }\n  about: \"Your refund has been sent.\"\n  asked: \"a\"\n  done: \"b\"\n", 4, "The about of 'refund' claims it is done (\"has been sent\")")]
    [InlineData("  fulfil: { colleague: true }\n  about: \"within {days} days\"\n  asked: \"a\"\n  done: \"b\"\n", 4, "{days}")]
    [InlineData("  fulfil: { webhook: refunds }\n  needs: [order_number, shoe_size]\n  asked: \"a\"\n  done: \"b\"\n", 4, "The remedy 'refund' needs 'shoe_size', which is not one of: order_number, purchase")]
    [InlineData("  fulfil: { webhook: refunds }\n  offered_when: [sunny]\n  asked: \"a\"\n  done: \"b\"\n", 4, "is offered when 'sunny', which is not one of: email_works")]
    public void SupportCatalogLoader_FulfilmentMistakes_ReportedWithLine(string fields, int line, string message)
    {
        var errors = LoadRemedies("refund:\n  title: a refund\n" + fields + "  approval:\n    always: true\n");

        Assert.Contains(errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void SupportCatalogLoader_Fulfil_ReadForEachWay()
    {
        var catalog = Repository();

        Assert.Equal(new RemedyFulfilment("refunds", Colleague: false), catalog.Remedies["refund"].Fulfil);
        Assert.Equal(new RemedyFulfilment(null, Colleague: true), catalog.Remedies["account_restore"].Fulfil);
        Assert.Equal(["purchase"], catalog.Remedies["refund"].Needs);
        Assert.Equal(["email_works", "password"], catalog.Remedies["reset_link"].OfferedWhen);
        Assert.All(catalog.Remedies.Values, r => Assert.True(r.Fulfil.IsAction ? r.Asked.Length > 0 && r.Done.Length > 0 : r.NextSteps.Length > 0, r.Id));
        Assert.StartsWith("the refunds team returns the money", catalog.Remedies["refund"].About, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryWording_NothingSaidBeforeConfirmationClaimsAnActionDone()
    {
        var prompts = TestBots.Prompts().Current;
        var confirmed = SupportPrompts.Definitions.Where(d => d.ConfirmedOutcome).Select(d => d.Key).ToHashSet();

        var claims = prompts.Keys.Where(k => !confirmed.Contains(k)).SelectMany(k => prompts.Variants(k)).Select(v => (v.Id, Claim: CompletionClaims.Find(v.Text)))
            .Concat(Repository().Remedies.Values.Select(r => (r.Id, Claim: CompletionClaims.Find(r.Asked + " " + r.NextSteps + " " + r.About))))
            .Where(c => c.Claim is not null)
            .ToList();

        Assert.True(claims.Count == 0, "These lines claim an action is done before it is confirmed: " + string.Join(", ", claims));
    }

    [Theory]
    [InlineData("I can't get into my Gmail, it says my password is wrong", "sam.okoro@gmail.com", false)]
    [InlineData("I'm locked out of my email account", "sam@example.com", false)]
    [InlineData("my account got hacked, someone changed my email and password", "jo@example.com", false)]
    [InlineData("tried reset password but the email goes to their address now", "jo@example.com", false)]
    [InlineData("I can't log in to my account since yesterday", "kim.lee@example.com", null)]
    [InlineData("the password reset email never arrives", "kim.lee@example.com", false)]
    [InlineData("im locked out of my account. tried resetting password 3 times and the email never comes", "aisha.k@example.com", false)]
    [InlineData("I'm not getting the verification code", "kim.lee@example.com", false)]
    [InlineData("I never got an answer to my emails about my account", "kim.lee@example.com", null)]
    public void RemedyFacts_EmailWorks_KnownFromWordsOnlyWhenLockedOutOfThatMailboxOrItsMailNeverArrives(string complaint, string account, bool? expected)
    {
        var supportCase = new SupportCase { Complaint = complaint };
        supportCase.Answers.Add(new ClarifyingAnswer("account", "Which account?", PiiMasker.Mask(account)));

        Assert.Equal(expected, RemedyFacts.EmailWorksFromWords(supportCase));
    }

    [Theory]
    [InlineData("it keeps telling me my password is wrong even though I reset it twice", true)]
    [InlineData("I've already changed my password and it still won't let me in", true)]
    [InlineData("I tried resetting my password", false)]
    [InlineData("locked out even after resetting", true)]
    [InlineData("reset it 3 times, nothing", true)]
    [InlineData("the reset doesn't work", true)]
    [InlineData("I tried resetting but the link had expired", false)]
    [InlineData("can I reset my password?", false)]
    [InlineData("how do I reset my password", false)]
    [InlineData("I need to reset my password", false)]
    [InlineData("I forgot my password", false)]
    public void RemedyFacts_ResetDidNotHelp_OnlyWhenANewPasswordWasAlreadySet(string text, bool expected) =>
        Assert.Equal(expected, RemedyFacts.ResetDidNotHelp(text));

    [Fact]
    public void RemedyAdvisor_ResetLinkByEmail_OfferedOnlyWhenTheyCanOpenThatEmail()
    {
        var catalog = Repository();
        var unknown = new SupportCase { Category = "account" };
        var works = new SupportCase { Category = "account", EmailWorks = true };
        var locked = new SupportCase { Category = "account", EmailWorks = false };

        Assert.True(RemedyAdvisor.MustAskFirst(catalog, unknown));
        Assert.Equal(["reset_link", "account_restore", "credit"], RemedyAdvisor.Offer(catalog, works).Select(r => r.Id));
        Assert.Equal(["account_restore", "credit"], RemedyAdvisor.Offer(catalog, locked).Select(r => r.Id));
        Assert.False(RemedyAdvisor.MustAskFirst(catalog, locked));
    }

    [Theory]
    [InlineData("got a new phone and the 2FA codes go to the old number which i dont have anymore")]
    [InlineData("I lost my phone and now I can't get the verification codes")]
    [InlineData("the sign-in codes still go to my previous number")]
    public void RemedyAdvisor_ResetLink_NotForCodesSentToALostPhone(string complaint)
    {
        var catalog = Repository();
        var codes = new SupportCase { Category = "account", Complaint = complaint };

        Assert.False(RemedyAdvisor.MustAskFirst(catalog, codes));
        Assert.DoesNotContain("reset_link", RemedyAdvisor.Offer(catalog, new SupportCase { Category = "account", Complaint = complaint, EmailWorks = true }).Select(r => r.Id));
        Assert.Contains("reset_link", RemedyAdvisor.Offer(catalog, new SupportCase { Category = "account", Complaint = "I forgot my password", EmailWorks = true }).Select(r => r.Id));
    }

    [Fact]
    public void SupportCatalogLoader_PaysFor_ReadAndAnUnknownOneReportedWithLine()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-catalog").FullName;
        File.WriteAllText(Path.Combine(directory, "categories.yaml"), "other:\n  title: Other\n  questions: [when]\n  remedies: [refund]\n");
        File.WriteAllText(Path.Combine(directory, "remedies.yaml"), "refund:\n  title: a refund\n  pays_for: vibes\n  next_steps: done\n  approval:\n    always: true\n");

        var (catalog, errors) = SupportCatalogLoader.Load(directory);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("pays_for is one of: item, delivery", StringComparison.Ordinal));
        Assert.Equal(MoneyPurpose.Item, Repository().Remedies["refund"].PaysFor);
        Assert.Equal(MoneyPurpose.Delivery, Repository().Remedies["delivery_refund"].PaysFor);
        Assert.Null(Repository().Remedies["replacement"].PaysFor);
        Directory.Delete(directory, recursive: true);
    }
}

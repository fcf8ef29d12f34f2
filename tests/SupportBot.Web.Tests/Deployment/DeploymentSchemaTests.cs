using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Tests.Deployment;

/// <summary>
/// The resources of both templates against the published ARM resource schemas of their types and API versions, and the
/// Teams manifest against the published manifest schema of its version; the extracts live in <c>Deployment/schemas</c>.
/// Each kind of violation is proved to fail on a mutated copy.
/// </summary>
public sealed partial class DeploymentSchemaTests
{
    private const string Existing = "template-with-preexisting-rg.json";
    private const string NewGroup = "template-with-new-rg.json";

    private static readonly string Root = AppRoot.Find();
    private static readonly string Folder = Path.Combine(Root, "deploymentTemplates");
    private static readonly string Schemas = Path.Combine(Root, "tests", "SupportBot.Web.Tests", "Deployment", "schemas");
    private static readonly Lazy<ArmTemplateSchemaCheck> Arm = new(() => ArmTemplateSchemaCheck.Load(Schemas));
    private static readonly Lazy<JsonSchemaChecker> Plain = new(() => JsonSchemaChecker.Load(Schemas, armTemplates: false));

    public static TheoryData<string> Templates => DeploymentTemplateTests.Templates;

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryResource_MatchesThePublishedSchemaOfItsTypeAndApiVersion(string file)
    {
        var template = Read(file);
        var errors = Arm.Value.Check(template);

        Assert.True(ArmTemplateSchemaCheck.CountResources(template) > 0, $"{file} has no resources to check");
        Assert.True(errors.Count == 0, $"{file}:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void AnUnknownPropertyName_Fails_WhereverItIs()
    {
        var (template, site) = Resource(Existing, "Microsoft.Web/sites");
        var (_, teams) = Resource(template, "Microsoft.BotService/botServices/channels");
        var (_, plan) = Resource(template, "Microsoft.Web/serverfarms");
        site["properties"]!["siteConfig"]!["webSocketEnabled"] = true;
        teams["properties"]!["properties"]!["enableVideo"] = false;
        plan["resourceGroup"] = "elsewhere";

        Assert.Equal(
        [
            "$.resources[0].resourceGroup: 'resourceGroup' is not a property the schema declares",
            "$.resources[5].properties.siteConfig.webSocketEnabled: 'webSocketEnabled' is not a property the schema declares",
            "$.resources[7].properties.properties.enableVideo: 'enableVideo' is not a property the schema declares",
        ], Arm.Value.Check(template));
    }

    [Fact]
    public void AWrongLiteralType_Fails()
    {
        var (template, site) = Resource(Existing, "Microsoft.Web/sites");
        var (_, postgres) = Resource(template, "Microsoft.DBforPostgreSQL/flexibleServers");
        site["properties"]!["httpsOnly"] = "true";
        postgres["properties"]!["storage"]!["storageSizeGB"] = "32";
        postgres["properties"]!["backup"]!["backupRetentionDays"] = 7.5;

        Assert.Equal(
        [
            "$.resources[2].properties.backup.backupRetentionDays: expected integer, found number 7.5",
            "$.resources[2].properties.storage.storageSizeGB: expected integer, found string \"32\"",
            "$.resources[5].properties.httpsOnly: expected boolean, found string \"true\"",
        ], Arm.Value.Check(template));
    }

    [Fact]
    public void AMissingRequiredProperty_Fails()
    {
        var (template, bot) = Resource(Existing, "Microsoft.BotService/botServices");
        var (_, directLine) = Resource(template, "Microsoft.BotService/botServices/channels", "DirectLineChannel");
        bot["properties"]!.AsObject().Remove("msaAppId");
        directLine["properties"]!["properties"]!["sites"]![0]!.AsObject().Remove("siteName");
        var (linking, deployment) = Resource(NewGroup, "Microsoft.Resources/deployments");
        deployment["properties"]!.AsObject().Remove("mode");

        Assert.Equal(
        [
            "$.resources[6].properties: the required property 'msaAppId' is missing",
            "$.resources[8].properties.properties.sites[0]: the required property 'siteName' is missing",
        ], Arm.Value.Check(template));
        Assert.Equal(["$.resources[1].properties: the required property 'mode' is missing"], Arm.Value.Check(linking));
    }

    [Fact]
    public void AWrongEnumLiteral_Fails()
    {
        var (template, site) = Resource(Existing, "Microsoft.Web/sites");
        var (_, postgres) = Resource(template, "Microsoft.DBforPostgreSQL/flexibleServers");
        var (_, bot) = Resource(template, "Microsoft.BotService/botServices");
        site["properties"]!["siteConfig"]!["ftpsState"] = "Off";
        postgres["sku"]!["tier"] = "Basic";
        bot["properties"]!["msaAppType"] = "SingleTenants";

        Assert.Equal(
        [
            "$.resources[2].sku.tier: \"Basic\" is not one of [\"Burstable\",\"GeneralPurpose\",\"MemoryOptimized\"]",
            "$.resources[5].properties.siteConfig.ftpsState: \"Off\" is not one of [\"AllAllowed\",\"FtpsOnly\",\"Disabled\"]",
            "$.resources[6].properties.msaAppType: \"SingleTenants\" is not one of [\"UserAssignedMSI\",\"SingleTenant\",\"MultiTenant\"]",
        ], Arm.Value.Check(template));
    }

    [Fact]
    public void AParameterValueTheSchemaRefuses_Fails_WhereThatParameterIsTheWholeValue()
    {
        var template = Read(Existing);
        template["parameters"]!["botSku"]!["allowedValues"]!.AsArray().Add("S2");
        template["parameters"]!["microsoftAppType"]!["defaultValue"] = "Single";

        Assert.Equal(
        [
            "$.resources[6].sku.name: \"S2\" is not one of [\"F0\",\"S1\"] (with parameters('botSku') = \"S2\")",
            "$.resources[6].properties.msaAppType: \"Single\" is not one of [\"UserAssignedMSI\",\"SingleTenant\",\"MultiTenant\"] (with parameters('microsoftAppType') = \"Single\")",
        ], Arm.Value.Check(template));
    }

    [Fact]
    public void AnExpressionStandsInForAnyType_ButAnEscapedBracketIsALiteralString()
    {
        var (template, site) = Resource(Existing, "Microsoft.Web/sites");
        site["properties"]!["httpsOnly"] = "[parameters('httpsOnly')]";
        site["properties"]!["siteConfig"]!["minTlsVersion"] = "[variables('tls')]";

        Assert.Empty(Arm.Value.Check(template));

        site["properties"]!["httpsOnly"] = "[[parameters('httpsOnly')]";
        Assert.Equal(["$.resources[5].properties.httpsOnly: expected boolean, found string \"[[parameters('httpsOnly')]\""], Arm.Value.Check(template));
    }

    [Fact]
    public void AResourceWhoseSchemaIsNotExtracted_Fails_NamingTheFileToCopyFrom()
    {
        var (template, site) = Resource(Existing, "Microsoft.Web/sites");
        site["apiVersion"] = "2024-04-01";
        site["type"] = "Microsoft.Web/sites";

        Assert.Equal(
            ["$.resources[5]: no published schema for Microsoft.Web/sites 2024-04-01 is in the extracts (add it from schemas/2024-04-01/Microsoft.Web.json)"],
            Arm.Value.Check(template));
    }

    [Fact]
    public void TheChecker_RefusesKeywordsItDoesNotKnow_AndReferencesNotInTheExtract()
    {
        var checker = new JsonSchemaChecker(new Dictionary<string, JsonObject>
        {
            ["doc"] = new() { ["definitions"] = new JsonObject { ["odd"] = new JsonObject { ["contains"] = new JsonObject() } } },
        }, armTemplates: false);

        Assert.Throws<NotSupportedException>(() => checker.Check(new JsonArray(1), "doc#/definitions/odd"));
        Assert.Equal(["$: the schema reference doc#/definitions/gone is not in the extract (copy that definition from the published file)"], checker.Check(JsonValue.Create(1), "doc#/definitions/gone"));
    }

    [Fact]
    public void TeamsManifest_AsThePackageFillsItIn_IsValidAgainstThePublishedSchemaOfItsVersion()
    {
        var manifest = FilledInManifest();
        var errors = Plain.Value.Check(manifest, ManifestSchema(manifest));

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void TeamsManifest_Violations_Fail()
    {
        var manifest = FilledInManifest();
        manifest["developer"]!.AsObject().Remove("privacyUrl");
        manifest["accentColor"] = "blue";
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("everyone");
        manifest["bots"]![0]!["botID"] = "misspelt";
        manifest["name"]!["short"] = new string('S', 31);
        manifest["supportsFiles"] = true;

        Assert.Equal(
        [
            "$.supportsFiles: 'supportsFiles' is not allowed here (additionalProperties is false)",
            "$.developer: the required property 'privacyUrl' is missing",
            "$.name.short: \"SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS\" is longer than 30 characters",
            "$.accentColor: \"blue\" does not match ^#[0-9a-fA-F]{6}$",
            "$.bots[0].botID: 'botID' is not allowed here (additionalProperties is false)",
            "$.bots[0].scopes: [\"personal\",\"team\",\"groupChat\",\"everyone\"] has more than 3 items",
            "$.bots[0].scopes[3]: \"everyone\" is not one of [\"team\",\"personal\",\"groupChat\"]",
        ], Plain.Value.Check(manifest, ManifestSchema(manifest)));
    }

    /// <summary>The manifest with the placeholders <c>package.sh</c> fills in replaced by sample values, as the package has it.</summary>
    private static JsonObject FilledInManifest()
    {
        var samples = new Dictionary<string, string>
        {
            ["MICROSOFT_APP_ID"] = "3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a",
            ["BOT_DOMAIN"] = "contoso-support.azurewebsites.net",
        };
        var script = File.ReadAllText(Path.Combine(Folder, "teams", "package.sh"));
        var placeholders = Placeholder().Matches(script).Select(m => m.Groups[1].Value).ToList();
        var text = placeholders.Aggregate(File.ReadAllText(Path.Combine(Folder, "teams", "manifest.json")), (t, p) => t.Replace("{{" + p + "}}", samples[p], StringComparison.Ordinal));

        Assert.Equal(samples.Keys.Order(), placeholders.Order());
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string ManifestSchema(JsonObject manifest)
    {
        var file = $"MicrosoftTeams.v{manifest["manifestVersion"]!.GetValue<string>()}.schema.json";
        Assert.True(File.Exists(Path.Combine(Schemas, file)), $"the published schema of the manifest's version is not in Deployment/schemas: add {file}");
        return file + "#";
    }

    private static JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!;

    private static (JsonNode Template, JsonObject Resource) Resource(string file, string type, string? named = null) => Resource(Read(file), type, named);

    private static (JsonNode Template, JsonObject Resource) Resource(JsonNode template, string type, string? named = null) =>
        (template, template["resources"]!.AsArray().Select(r => r!.AsObject()).First(r =>
            r["type"]!.GetValue<string>() == type && (named is null || r["name"]!.GetValue<string>().Contains(named, StringComparison.Ordinal))));

    [GeneratedRegex(@"s/\{\{(\w+)\}\}/")]
    private static partial Regex Placeholder();
}

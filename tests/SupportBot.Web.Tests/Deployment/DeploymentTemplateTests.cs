using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Tests.Deployment;

/// <summary>The ARM templates, their parameter files and the Teams app package in <c>deploymentTemplates/</c>.</summary>
public sealed partial class DeploymentTemplateTests
{
    private static readonly string Folder = Path.Combine(AppRoot.Find(), "deploymentTemplates");

    public static TheoryData<string> Templates => new() { "template-with-preexisting-rg.json", "template-with-new-rg.json" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_IsValidJson_EveryParameterAndVariableIsDeclaredAndUsed_AndItHasOutputs(string file)
    {
        var template = Read(file);
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var declared = template["parameters"]!.AsObject().Select(p => p.Key).ToList();
        var variables = template["variables"]?.AsObject().Select(v => v.Key).ToList() ?? [];
        var body = new JsonObject { ["variables"] = template["variables"]?.DeepClone(), ["resources"] = template["resources"]!.DeepClone(), ["outputs"] = template["outputs"]!.DeepClone() }.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.StartsWith("https://schema.management.azure.com/schemas/", template["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1.0.0.0", template["contentVersion"]!.GetValue<string>());
        Assert.All(declared, p => Assert.True(body.Contains($"parameters('{p}')", StringComparison.Ordinal), $"{file}: parameter '{p}' is never used"));
        Assert.All(ParameterUse().Matches(text).Select(m => m.Groups[1].Value), p => Assert.Contains(p, declared));
        Assert.All(variables, v => Assert.True(body.Contains($"variables('{v}')", StringComparison.Ordinal), $"{file}: variable '{v}' is never used"));
        Assert.All(VariableUse().Matches(text).Select(m => m.Groups[1].Value), v => Assert.Contains(v, variables));
        Assert.All(template["parameters"]!.AsObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value!["metadata"]?["description"]?.GetValue<string>()), $"{file}: parameter '{p.Key}' has no description"));
        Assert.NotEmpty(template["outputs"]!.AsObject());
        Assert.Contains("webAppUrl", template["outputs"]!.AsObject().Select(o => o.Key));
        Assert.Contains("messagingEndpoint", template["outputs"]!.AsObject().Select(o => o.Key));
    }

    /// <summary>
    /// ARM evaluates <c>variables</c> and parameter defaults before any resource exists, so <c>reference()</c> and every
    /// <c>list*()</c> are refused there ("The template function 'listKeys' is not expected at this location").
    /// </summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_UsesReferenceAndListFunctionsOnlyWhereArmAllowsThem(string file)
    {
        var template = Read(file);
        var early = new JsonObject
        {
            ["variables"] = template["variables"]?.DeepClone(),
            ["defaults"] = new JsonArray([.. template["parameters"]!.AsObject().Select(p => p.Value!["defaultValue"]?.DeepClone())]),
        }.ToJsonString();

        Assert.Empty(RuntimeFunction().Matches(early).Select(m => m.Value));
        Assert.Equal(["listKeys(", "reference(", "listSecrets("], RuntimeFunction().Matches("[listKeys(x)] [reference(y).z] [listSecrets(q)] [concat(parameters('list'))]").Select(m => m.Value));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void ParameterFile_SetsOnlyDeclaredParameters_AndEveryRequiredOne(string file)
    {
        var template = Read(file)["parameters"]!.AsObject();
        var values = Read(file.Replace(".json", ".parameters.json", StringComparison.Ordinal))["parameters"]!.AsObject();

        Assert.All(values, v => Assert.True(template.ContainsKey(v.Key), $"{file}: the parameter file sets unknown '{v.Key}'"));
        Assert.All(template.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(values.ContainsKey(p.Key), $"{file}: required '{p.Key}' is missing from the parameter file"));
    }

    [Fact]
    public void NewResourceGroupTemplate_PassesTheInnerTemplateExactlyWhatItDeclares()
    {
        var inner = Read("template-with-preexisting-rg.json")["parameters"]!.AsObject();
        var deployment = Read("template-with-new-rg.json")["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments")!;
        var passed = deployment["properties"]!["parameters"]!.AsObject();

        Assert.All(passed, p => Assert.True(inner.ContainsKey(p.Key), $"passes unknown '{p.Key}'"));
        Assert.All(inner.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(passed.ContainsKey(p.Key), $"does not pass required '{p.Key}'"));
    }

    [Fact]
    public void Resources_AreTheAppTheBotItsChannelsAndLanguage_WiredToEachOtherAndToRealSettings()
    {
        var template = Read("template-with-preexisting-rg.json");
        var resources = template["resources"]!.AsArray().Select(r => r!).ToList();
        var site = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");
        var bot = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.BotService/botServices");
        var channels = resources.Where(r => r["type"]!.GetValue<string>() == "Microsoft.BotService/botServices/channels").Select(r => r["properties"]!["channelName"]!.GetValue<string>());
        var settings = template["variables"]!["baseSettings"]!.AsArray().Concat(template["variables"]!["postgresSettings"]!.AsArray()).Select(s => s!["name"]!.GetValue<string>())
            .Concat(SettingBuilt().Matches(site["properties"]!["siteConfig"]!["appSettings"]!.GetValue<string>()).Select(m => m.Groups[1].Value)).ToList();
        var appsettings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppRoot.Find(), "appsettings.json")))!;

        Assert.Contains(resources, r => r["type"]!.GetValue<string>() == "Microsoft.Web/serverfarms");
        Assert.Contains(resources, r => r["type"]!.GetValue<string>() == "Microsoft.DBforPostgreSQL/flexibleServers" && r["condition"]!.GetValue<string>() == "[parameters('deployPostgres')]");
        Assert.Contains("Storage__Provider", settings);
        Assert.Contains("Sentiment__Key", settings);
        Assert.Contains(resources, r => r["type"]!.GetValue<string>() == "Microsoft.CognitiveServices/accounts" && r["kind"]!.GetValue<string>() == "TextAnalytics");
        Assert.Equal("DOTNETCORE|10.0", site["properties"]!["siteConfig"]!["linuxFxVersion"]!.GetValue<string>());
        Assert.True(site["properties"]!["siteConfig"]!["webSocketsEnabled"]!.GetValue<bool>());
        Assert.EndsWith("/api/messages')]", bot["properties"]!["endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["MsTeamsChannel", "DirectLineChannel", "WebChatChannel"], channels);
        foreach (var name in settings.Where(n => n.Contains("__", StringComparison.Ordinal)))
        {
            var path = name.Split("__");
            Assert.True(appsettings[path[0]]?[path[1]] is not null, $"the app setting {name} names no key of appsettings.json");
        }
    }

    [Fact]
    public void RuntimeYoungGeneration_IsSetAlikeWhereverTheAppIsStarted()
    {
        // The runtime reads DOTNET_GCgen0size only from the environment: `dotnet run`'s launch profile, the templates'
        // app settings and the load benchmark each set it, to the same value.
        var root = AppRoot.Find();
        var launch = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "src", "SupportBot.Web", "Properties", "launchSettings.json")))!;
        var profile = Assert.Single(launch["profiles"]!.AsObject()).Value!;
        var value = profile["environmentVariables"]!["DOTNET_GCgen0size"]!.GetValue<string>();
        var setting = Read("template-with-preexisting-rg.json")["variables"]!["baseSettings"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "DOTNET_GCgen0size")!;

        Assert.Equal("Project", profile["commandName"]!.GetValue<string>());
        Assert.Equal(0x2000000, Convert.ToInt64(value, 16));
        Assert.Equal(value, setting["value"]!.GetValue<string>());
        Assert.Contains($"DOTNET_GCgen0size=\"${{DOTNET_GCgen0size:-{value}}}\"", File.ReadAllText(Path.Combine(root, "bench", "run-load.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsManifest_HasWhatItsSchemaVersionRequires_AndItsIcons()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "teams", "manifest.json")))!;

        Assert.Equal("1.17", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Contains("v1.17", manifest["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var path in new[] { "version", "id", "developer.name", "developer.websiteUrl", "developer.privacyUrl", "developer.termsOfUseUrl", "name.short", "description.short", "description.full", "icons.color", "icons.outline", "accentColor" })
        {
            Assert.False(string.IsNullOrWhiteSpace(path.Split('.').Aggregate((JsonNode?)manifest, (node, key) => node?[key])?.GetValue<string>()), $"manifest.{path} is required");
        }

        Assert.True(manifest["name"]!["short"]!.GetValue<string>().Length <= 30);
        Assert.True(manifest["description"]!["short"]!.GetValue<string>().Length <= 80);
        Assert.True(manifest["description"]!["full"]!.GetValue<string>().Length <= 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", manifest["accentColor"]!.GetValue<string>());
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal("{{MICROSOFT_APP_ID}}", bot["botId"]!.GetValue<string>());
        Assert.Contains("personal", bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal((192, 192), PngSize(Path.Combine(Folder, "teams", "color.png")));
        Assert.Equal((32, 32), PngSize(Path.Combine(Folder, "teams", "outline.png")));
    }

    [Fact]
    public void TeamsPackage_FillsInTheAppIdAndDomain_AndZipsManifestAndIcons()
    {
        var output = Path.Combine(Path.GetTempPath(), $"supportbot-teams-{Guid.NewGuid():N}.zip");
        try
        {
            var (code, _, error) = Run("bash", Path.Combine(Folder, "teams", "package.sh"), "3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a", "contoso-support.azurewebsites.net", output);
            var (refused, _, why) = Run("bash", Path.Combine(Folder, "teams", "package.sh"), "not-a-guid", "contoso-support.azurewebsites.net", output + ".x");

            Assert.True(code == 0, error);
            using var zip = ZipFile.OpenRead(output);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = reader.ReadToEnd();
            Assert.DoesNotContain("{{", manifest, StringComparison.Ordinal);
            var parsed = JsonNode.Parse(manifest)!;
            Assert.Equal("3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a", parsed["id"]!.GetValue<string>());
            Assert.Equal("3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a", parsed["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.Equal("contoso-support.azurewebsites.net", parsed["validDomains"]![0]!.GetValue<string>());
            Assert.Equal(2, refused);
            Assert.Contains("app id", why, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!;

    private static (int Width, int Height) PngSize(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(16, 8);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }

    private static (int Code, string Output, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    [GeneratedRegex(@"\b(reference|list[A-Za-z]*)\(")]
    private static partial Regex RuntimeFunction();

    [GeneratedRegex(@"createObject\('name', '([^']+)'")]
    private static partial Regex SettingBuilt();

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterUse();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableUse();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportBot.Web.Tests.Deployment;

/// <summary>
/// Checks every resource of an ARM template against the published schema of its type and API version, as the
/// template's own schema does: the template language's resource keys (<c>deploymentTemplate.resource.json</c>) together
/// with the resource provider's definition, found in the extract whose <c>id</c> is
/// <c>https://schema.management.azure.com/schemas/{apiVersion}/{Namespace}.json</c>.
/// A value that is just <c>[parameters('name')]</c> is also checked with each of that parameter's <c>allowedValues</c> and
/// its literal <c>defaultValue</c> in its place, since those are the literals ARM will put there.
/// </summary>
public sealed partial class ArmTemplateSchemaCheck(JsonSchemaChecker checker)
{
    private const string SchemaHost = "https://schema.management.azure.com/schemas/";
    private const string Envelope = SchemaHost + "2018-05-01/subscriptionDeploymentTemplate.json#/definitions/";

    private static readonly string[] DefinitionKinds =
    [
        "resourceDefinitions", "subscription_resourceDefinitions", "tenant_resourceDefinitions",
        "managementGroup_resourceDefinitions", "extension_resourceDefinitions", "unknown_resourceDefinitions",
    ];

    /// <summary>Loads the schema extracts of a folder (see <see cref="JsonSchemaChecker.Load"/>).</summary>
    public static ArmTemplateSchemaCheck Load(string folder) => new(JsonSchemaChecker.Load(folder, armTemplates: true));

    /// <summary>The violations of every resource of <paramref name="template"/>, each with its JSON path; empty when all match.</summary>
    public IReadOnlyList<string> Check(JsonNode template)
    {
        var errors = new List<string>();
        var parameters = template["parameters"] as JsonObject;
        var resources = template["resources"] switch
        {
            JsonArray list => list.Select((r, i) => (Path: $"$.resources[{i}]", Resource: r)),
            JsonObject symbolic => symbolic.Select(p => (Path: $"$.resources.{p.Key}", Resource: p.Value)),
            _ => [],
        };
        foreach (var (path, resource) in resources)
        {
            errors.AddRange(CheckResource(resource as JsonObject, path));
            if (resource is JsonObject literal && parameters is not null)
            {
                errors.AddRange(CheckParameterValues(literal, path, parameters));
            }
        }

        return errors;
    }

    /// <summary>The number of resources <see cref="Check"/> looks at, so a test can tell it did not look at none.</summary>
    public static int CountResources(JsonNode template) => template["resources"] switch
    {
        JsonArray list => list.Count,
        JsonObject symbolic => symbolic.Count,
        _ => 0,
    };

    private IEnumerable<string> CheckResource(JsonObject? resource, string path)
    {
        var type = resource?["type"]?.GetValue<string>();
        var apiVersion = resource?["apiVersion"]?.GetValue<string>();
        if (type is null || apiVersion is null || type.StartsWith('[') || apiVersion.StartsWith('['))
        {
            return [$"{path}: a resource needs a literal type and apiVersion to be checked against its schema"];
        }

        var segments = type.Split('/');
        var document = $"{SchemaHost}{apiVersion}/{segments[0]}.json";
        var name = string.Join('_', segments.Skip(1));
        var definition = DefinitionKinds.Select(kind => $"{document}#/{kind}/{name}").FirstOrDefault(checker.Has);
        if (definition is null)
        {
            return [$"{path}: no published schema for {type} {apiVersion} is in the extracts (add it from schemas/{apiVersion}/{segments[0]}.json)"];
        }

        var parts = new JsonArray { new JsonObject { ["$ref"] = Envelope + "resourceBase" }, new JsonObject { ["$ref"] = definition } };
        if (type == "Microsoft.Resources/deployments")
        {
            parts.Add(new JsonObject { ["$ref"] = Envelope + "nestedDeploymentScope" });
        }

        return checker.Check(resource, new JsonObject { ["allOf"] = parts }, path);
    }

    private IEnumerable<string> CheckParameterValues(JsonObject resource, string path, JsonObject parameters)
    {
        foreach (var (slot, parameter) in ParameterSlots(resource, path))
        {
            var declared = parameters[parameter];
            var values = (declared?["allowedValues"] as JsonArray ?? []).ToList();
            if (declared?["defaultValue"] is { } fallback && !(Text(fallback) is { } text && text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal)))
            {
                values.Add(fallback);
            }

            foreach (var value in values.DistinctBy(v => v?.ToJsonString()))
            {
                var copy = resource.DeepClone().AsObject();
                Replace(copy, path, slot, value?.DeepClone());
                foreach (var error in CheckResource(copy, path).Where(e => e.StartsWith(slot + ":", StringComparison.Ordinal) || e.StartsWith(slot + ".", StringComparison.Ordinal) || e.StartsWith(slot + "[", StringComparison.Ordinal)))
                {
                    yield return $"{error} (with parameters('{parameter}') = {value?.ToJsonString() ?? "null"})";
                }
            }
        }
    }

    private static IEnumerable<(string Path, string Parameter)> ParameterSlots(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => ParameterSlots(p.Value, JsonSchemaChecker.Join(path, p.Key))),
        JsonArray array => array.SelectMany((item, i) => ParameterSlots(item, $"{path}[{i}]")),
        JsonValue value when Text(value) is { } text && ParameterOnly().Match(text) is { Success: true } match => [(path, match.Groups[1].Value)],
        _ => [],
    };

    private static void Replace(JsonNode node, string path, string slot, JsonNode? value)
    {
        foreach (var (child, childPath) in node switch
        {
            JsonObject obj => obj.Select(p => (p.Value, JsonSchemaChecker.Join(path, p.Key))).ToList(),
            JsonArray array => array.Select((item, i) => (item, $"{path}[{i}]")).ToList(),
            _ => [],
        })
        {
            if (childPath == slot)
            {
                child!.ReplaceWith(value);
                return;
            }

            if (child is not null && slot.StartsWith(childPath, StringComparison.Ordinal))
            {
                Replace(child, childPath, slot, value);
            }
        }
    }

    private static string? Text(JsonNode node) => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterOnly();
}

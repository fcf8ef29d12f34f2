using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportBot.Web.Tests.Deployment;

/// <summary>
/// A focused JSON Schema (draft-04) checker for the published ARM resource schemas and the Teams app manifest schema:
/// <c>type</c>, <c>enum</c>, <c>const</c>, <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>,
/// <c>required</c>, <c>dependencies</c>, <c>items</c>, <c>$ref</c> (inside a document, or to another loaded document by its
/// <c>id</c>), <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c> and the length, size, pattern and range bounds.
/// <c>format</c> and the other annotations are not checked; any other keyword throws rather than being skipped, so a
/// schema this checker does not understand can never pass by accident. Every violation names its JSON path.
/// </summary>
/// <remarks>
/// With <c>armTemplates</c> set, it checks the way ARM reads a template: a string expression (<c>"[...]"</c>, but not the
/// escaped <c>"[[..."</c>) stands in for a value of any type, since ARM only knows its value at deployment time; and an
/// object whose schemas declare <c>properties</c> but say nothing of <c>additionalProperties</c> accepts only the names
/// those schemas (with their <c>$ref</c>, <c>allOf</c> and the matching <c>anyOf</c>/<c>oneOf</c> branches) declare, the
/// way the template language service reports "property not allowed" for a misspelt or misplaced name.
/// </remarks>
public sealed class JsonSchemaChecker
{
    private const int MaxDepth = 100;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$comment", "id", "$id", "title", "description", "default", "format", "examples", "readOnly", "definitions",
    };

    private readonly Dictionary<string, JsonObject> _documents;
    private readonly bool _armTemplates;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <param name="documents">The schema documents, by their <c>id</c> (without <c>#</c>) or, when they have none, by a name of the caller's.</param>
    /// <param name="armTemplates">Accept ARM expressions for any value and refuse names the schemas do not declare.</param>
    public JsonSchemaChecker(IReadOnlyDictionary<string, JsonObject> documents, bool armTemplates)
    {
        _documents = new Dictionary<string, JsonObject>(documents, StringComparer.Ordinal);
        _armTemplates = armTemplates;
    }

    /// <summary>Loads every <c>*.json</c> file of a folder, each under its <c>id</c>, or under its file name when it has none.</summary>
    public static JsonSchemaChecker Load(string folder, bool armTemplates)
    {
        var loaded = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var id = (document["id"] ?? document["$id"])?.GetValue<string>().TrimEnd('#') ?? Path.GetFileName(file);
            Assert.True(loaded.TryAdd(id, document), $"two schema files have the id {id}");
        }

        return new JsonSchemaChecker(loaded, armTemplates);
    }

    /// <summary>Whether a loaded document has a schema at this reference (<c>document-id#/json/pointer</c>).</summary>
    public bool Has(string reference) => Resolve(reference, null) is not null;

    /// <summary>Checks <paramref name="instance"/> against the schema at <paramref name="reference"/>; an empty list means valid.</summary>
    public IReadOnlyList<string> Check(JsonNode? instance, string reference, string path = "$") =>
        Check(instance, new JsonObject { ["$ref"] = reference }, path);

    /// <summary>Checks <paramref name="instance"/> against <paramref name="schema"/>, whose references must name a loaded document.</summary>
    public IReadOnlyList<string> Check(JsonNode? instance, JsonObject schema, string path = "$")
    {
        var errors = new List<string>();
        Child(instance, schema, null, path, errors, 0);
        return errors;
    }

    private void Child(JsonNode? value, JsonNode schema, JsonObject? document, string path, List<string> errors, int depth)
    {
        var coverage = Evaluate(value, schema, document, path, errors, depth + 1);
        if (_armTemplates && value is JsonObject obj && coverage.Declares && !coverage.All)
        {
            foreach (var name in obj.Select(p => p.Key).Where(n => !coverage.Names.Contains(n)))
            {
                errors.Add($"{Join(path, name)}: '{name}' is not a property the schema declares");
            }
        }
    }

    private Coverage Evaluate(JsonNode? value, JsonNode schemaNode, JsonObject? document, string path, List<string> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{path}: the schema nests deeper than {MaxDepth} levels (a reference cycle?)");
        }

        var coverage = new Coverage();
        if (_armTemplates && IsExpression(value))
        {
            coverage.All = true;
            return coverage;
        }

        if (schemaNode is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (boolean.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{path}: no value is allowed here");
            }

            coverage.All = true;
            return coverage;
        }

        var schema = schemaNode.AsObject();
        foreach (var (keyword, argument) in schema)
        {
            switch (keyword)
            {
                case "$ref":
                    var reference = argument!.GetValue<string>();
                    if (Resolve(reference, document) is not { } target)
                    {
                        errors.Add($"{path}: the schema reference {reference} is not in the extract (copy that definition from the published file)");
                        break;
                    }

                    coverage.Add(Evaluate(value, target.Schema, target.Document, path, errors, depth + 1));
                    break;
                case "type":
                    var types = argument is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [argument!.GetValue<string>()];
                    if (!types.Any(t => IsType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {KindOf(value)} {Show(value)}");
                    }

                    break;
                case "enum":
                    if (!argument!.AsArray().Any(e => JsonNode.DeepEquals(e, value)))
                    {
                        errors.Add($"{path}: {Show(value)} is not one of {Show(argument)}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(argument, value))
                    {
                        errors.Add($"{path}: {Show(value)} is not {Show(argument)}");
                    }

                    break;
                case "properties":
                    coverage.Declares = true;
                    foreach (var (name, subschema) in argument!.AsObject())
                    {
                        coverage.Names.Add(name);
                        if (value is JsonObject withProperties && withProperties.TryGetPropertyValue(name, out var child))
                        {
                            Child(child, subschema!, document, Join(path, name), errors, depth);
                        }
                    }

                    break;
                case "patternProperties":
                    foreach (var (name, child) in value as JsonObject ?? [])
                    {
                        foreach (var (pattern, subschema) in argument!.AsObject().Where(p => Pattern(p.Key).IsMatch(name)))
                        {
                            coverage.Names.Add(name);
                            Child(child, subschema!, document, Join(path, name), errors, depth);
                        }
                    }

                    break;
                case "additionalProperties":
                    coverage.All = true;
                    AdditionalProperties(value, schema, argument!, document, path, errors, depth);
                    break;
                case "required":
                    foreach (var name in argument!.AsArray().Select(n => n!.GetValue<string>()))
                    {
                        if (value is JsonObject required && !required.ContainsKey(name))
                        {
                            errors.Add($"{path}: the required property '{name}' is missing");
                        }
                    }

                    break;
                case "dependencies":
                    foreach (var (name, dependency) in argument!.AsObject())
                    {
                        if (value is JsonObject dependent && dependent.ContainsKey(name))
                        {
                            if (dependency is JsonArray names)
                            {
                                errors.AddRange(names.Select(n => n!.GetValue<string>()).Where(n => !dependent.ContainsKey(n)).Select(n => $"{path}: '{n}' is required when '{name}' is present"));
                            }
                            else
                            {
                                coverage.Add(Evaluate(value, dependency!, document, path, errors, depth + 1));
                            }
                        }
                    }

                    break;
                case "items":
                    if (value is JsonArray items)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            var itemSchema = argument is JsonArray tuple ? (i < tuple.Count ? tuple[i] : null) : argument;
                            if (itemSchema is not null)
                            {
                                Child(items[i], itemSchema, document, $"{path}[{i}]", errors, depth);
                            }
                        }
                    }

                    break;
                case "allOf":
                    foreach (var branch in argument!.AsArray())
                    {
                        coverage.Add(Evaluate(value, branch!, document, path, errors, depth + 1));
                    }

                    break;
                case "anyOf" or "oneOf":
                    coverage.Add(Alternatives(keyword, value, argument!.AsArray(), document, path, errors, depth));
                    break;
                case "not":
                    if (Probe(value, argument!, document, path, depth))
                    {
                        errors.Add($"{path}: {Show(value)} matches a schema it must not match");
                    }

                    break;
                default:
                    if (!Bound(keyword, argument!, value, path, errors) && !Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"{path}: the schema keyword '{keyword}' is not supported by this checker");
                    }

                    break;
            }
        }

        return coverage;
    }

    private void AdditionalProperties(JsonNode? value, JsonObject schema, JsonNode argument, JsonObject? document, string path, List<string> errors, int depth)
    {
        if (value is not JsonObject obj)
        {
            return;
        }

        var declared = schema["properties"]?.AsObject();
        var patterned = schema["patternProperties"]?.AsObject();
        foreach (var (name, child) in obj)
        {
            if (declared?.ContainsKey(name) == true || patterned?.Any(p => Pattern(p.Key).IsMatch(name)) == true)
            {
                continue;
            }

            if (argument is JsonValue allowed && allowed.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{Join(path, name)}: '{name}' is not allowed here (additionalProperties is false)");
            }
            else if (argument is JsonObject)
            {
                Child(child, argument, document, Join(path, name), errors, depth);
            }
        }
    }

    private Coverage Alternatives(string keyword, JsonNode? value, JsonArray branches, JsonObject? document, string path, List<string> errors, int depth)
    {
        var results = branches.Select(branch =>
        {
            var branchErrors = new List<string>();
            return (Errors: branchErrors, Coverage: Evaluate(value, branch!, document, path, branchErrors, depth + 1));
        }).ToList();
        var passing = results.Where(r => r.Errors.Count == 0).ToList();
        var coverage = new Coverage();
        if (passing.Count == 0)
        {
            // The nearest alternative is the one that failed deepest inside the value, then the one with the fewest violations.
            var nearest = results.OrderByDescending(r => r.Errors.Min(e => Depth(e))).ThenBy(r => r.Errors.Count).First();
            errors.AddRange(nearest.Errors);
            coverage.All = true;
        }
        else if (keyword == "oneOf" && passing.Count > 1)
        {
            errors.Add($"{path}: {Show(value)} matches {passing.Count} of the oneOf alternatives, not exactly one");
            coverage.All = true;
        }
        else
        {
            passing.ForEach(p => coverage.Add(p.Coverage));
        }

        return coverage;
    }

    private bool Probe(JsonNode? value, JsonNode schema, JsonObject? document, string path, int depth)
    {
        var probeErrors = new List<string>();
        Evaluate(value, schema, document, path, probeErrors, depth + 1);
        return probeErrors.Count == 0;
    }

    private bool Bound(string keyword, JsonNode argument, JsonNode? value, string path, List<string> errors)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var number = value is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? Number(n) : (decimal?)null;
        var length = text?.EnumerateRunes().Count();
        var limit = argument is JsonValue a && a.GetValueKind() == JsonValueKind.Number ? Number(a) : 0;
        string? violation = keyword switch
        {
            "minLength" => length < limit ? $"is shorter than {limit} characters" : null,
            "maxLength" => length > limit ? $"is longer than {limit} characters" : null,
            "pattern" => text is not null && !Pattern(argument.GetValue<string>()).IsMatch(text) ? $"does not match {argument.GetValue<string>()}" : null,
            "minimum" => number < limit ? $"is less than {limit}" : null,
            "maximum" => number > limit ? $"is more than {limit}" : null,
            "minItems" => (value as JsonArray)?.Count < limit ? $"has fewer than {limit} items" : null,
            "maxItems" => (value as JsonArray)?.Count > limit ? $"has more than {limit} items" : null,
            "uniqueItems" => value is JsonArray array && argument.GetValue<bool>() && HasDuplicates(array) ? "has duplicate items" : null,
            "minProperties" => (value as JsonObject)?.Count < limit ? $"has fewer than {limit} properties" : null,
            "maxProperties" => (value as JsonObject)?.Count > limit ? $"has more than {limit} properties" : null,
            _ => "",
        };
        if (violation == "")
        {
            return false;
        }

        if (violation is not null)
        {
            errors.Add($"{path}: {Show(value)} {violation}");
        }

        return true;
    }

    private (JsonNode Schema, JsonObject Document)? Resolve(string reference, JsonObject? document)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var documentId = hash < 0 ? reference : reference[..hash];
        var target = documentId.Length == 0 ? document : _documents.GetValueOrDefault(documentId);
        JsonNode? node = target;
        foreach (var token in (hash < 0 ? "" : reference[(hash + 1)..]).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[name],
                JsonArray array when int.TryParse(name, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return node is null || target is null ? null : (node, target);
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            _patterns[pattern] = regex;
        }

        return regex;
    }

    private static bool IsExpression(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: >= 2 } s
        && s[0] == '[' && s[^1] == ']' && !s.StartsWith("[[", StringComparison.Ordinal);

    private static bool IsType(JsonNode? value, string type) => (type, value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) or ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) or ("null", JsonValueKind.Null) or ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => Number(value!) % 1 == 0,
        _ => false,
    };

    private static decimal Number(JsonNode value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string KindOf(JsonNode? value) => (value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static bool HasDuplicates(JsonArray array) =>
        array.Select((item, i) => array.Skip(i + 1).Any(other => JsonNode.DeepEquals(item, other))).Any(d => d);

    private static int Depth(string error) => error[..error.IndexOf(": ", StringComparison.Ordinal)].Count(c => c is '.' or '[');

    private static string Show(JsonNode? value)
    {
        var json = value?.ToJsonString(Readable) ?? "null";
        return json.Length > 120 ? json[..117] + "..." : json;
    }

    /// <summary>The JSON path of property <paramref name="name"/> of the value at <paramref name="path"/>, as violations name it.</summary>
    public static string Join(string path, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}['{name}']";

    private sealed class Coverage
    {
        public bool Declares { get; set; }

        public bool All { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public void Add(Coverage other)
        {
            Declares |= other.Declares;
            All |= other.All;
            Names.UnionWith(other.Names);
        }
    }
}

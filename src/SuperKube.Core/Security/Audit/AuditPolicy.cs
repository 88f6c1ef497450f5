using System.Text.Json.Nodes;
using SuperKube.Objects;

namespace SuperKube.Security.Audit;

/// <summary>
/// An audit.k8s.io/v1 <c>Policy</c>: the first rule that matches a request gives its level (no match: None); stages
/// listed in the policy's or the rule's <c>omitStages</c> are not logged.
/// </summary>
internal sealed class AuditPolicy(IReadOnlyList<AuditPolicyRule> rules, IReadOnlyList<string> omitStages)
{
    private static readonly string[] Stages = ["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"];

    /// <summary>Every request at Metadata: the policy used when no policy file is given.</summary>
    public static AuditPolicy MetadataForAll { get; } = new([new(AuditLevel.Metadata, [], [], [], [], [], [], [])], []);

    /// <summary>The level of a request and the stages to leave out.</summary>
    public (AuditLevel Level, IReadOnlyList<string> OmitStages) Evaluate(AuthorizationAttributes? request, UserInfo? user)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(request, user))
            {
                return (rule.Level, [.. omitStages, .. rule.OmitStages]);
            }
        }

        return (AuditLevel.None, omitStages);
    }

    /// <summary>Reads a policy file; <see cref="InvalidOperationException"/> naming the file and the problem when it is not a valid policy.</summary>
    public static AuditPolicy Load(string path)
    {
        try
        {
            return Parse(YamlJson.Parse(File.ReadAllText(path)));
        }
        catch (Exception ex) when (ex is FormatException or YamlDotNet.Core.YamlException or System.Text.Json.JsonException)
        {
            throw new InvalidOperationException($"audit policy {path}: {ex.Message}", ex);
        }
    }

    public static AuditPolicy Parse(JsonNode? document)
    {
        if (document is not JsonObject policy || (string?)policy["kind"] != "Policy" || (string?)policy["apiVersion"] is not ("audit.k8s.io/v1" or "audit.k8s.io/v1beta1"))
        {
            throw new FormatException("expected apiVersion audit.k8s.io/v1 and kind Policy");
        }

        var rules = (policy["rules"] as JsonArray ?? []).Select((rule, i) => Rule(rule as JsonObject ?? throw new FormatException($"rules[{i}] is not an object"), i)).ToList();
        if (rules.Count == 0)
        {
            throw new FormatException("rules: at least one rule is required");
        }

        return new AuditPolicy(rules, StageList(policy, "omitStages"));
    }

    private static AuditPolicyRule Rule(JsonObject rule, int index)
    {
        var path = $"rules[{index}]";
        var levelText = Text(rule["level"]);
        if (!Enum.TryParse<AuditLevel>(levelText, out var level) || levelText != level.ToString())
        {
            throw new FormatException($"{path}.level: Unsupported value: \"{levelText}\": supported values: \"None\", \"Metadata\", \"Request\", \"RequestResponse\"");
        }

        var resources = (rule["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(g => new AuditPolicyRule.GroupResources(Text(g["group"]), Strings(g, "resources"), Strings(g, "resourceNames")))
            .ToList();
        var urls = Strings(rule, "nonResourceURLs");
        if (urls.Count > 0 && (resources.Count > 0 || Strings(rule, "namespaces").Count > 0))
        {
            throw new FormatException($"{path}: rules cannot apply to both regular resources and non-resource URLs");
        }

        return new AuditPolicyRule(level, Strings(rule, "users"), Strings(rule, "userGroups"), Strings(rule, "verbs"), resources,
            Strings(rule, "namespaces"), urls, StageList(rule, "omitStages"));
    }

    private static List<string> StageList(JsonObject obj, string name)
    {
        var stages = Strings(obj, name);
        return stages.FirstOrDefault(s => !Stages.Contains(s)) is { } unknown
            ? throw new FormatException($"{name}: Unsupported value: \"{unknown}\": supported values: \"{string.Join("\", \"", Stages)}\"")
            : stages;
    }

    private static List<string> Strings(JsonObject obj, string name) => [.. (obj[name] as JsonArray ?? []).Select(Text)];

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}

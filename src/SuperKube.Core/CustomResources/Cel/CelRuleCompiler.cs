using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// Compiles the <c>x-kubernetes-validations</c> of one schema node, reporting problems the way a CRD create or update
/// is refused upstream: <c>...x-kubernetes-validations[0].rule: Invalid value: "foo": compilation failed: ERROR:
/// &lt;input&gt;:1:1: undeclared reference to 'foo' (in container '')</c>.
/// </summary>
internal static class CelRuleCompiler
{
    public const string Extension = "x-kubernetes-validations";
    private static readonly string[] Reasons = ["FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate"];
    private static readonly string[] Variables = ["self", "oldSelf"];

    /// <summary>The valid rules of <paramref name="schema"/>; problems are added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<CelRule> Compile(JsonObject schema, string path, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(errors);
        var rules = new List<CelRule>();
        foreach (var (entry, index) in JsonRead.Items(schema[Extension] as JsonArray))
        {
            var at = $"{path}.{Extension}[{index}]";
            var before = errors.Count;
            var rule = Rule(entry, at, errors);
            if (rule is not null && errors.Count == before)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static CelRule? Rule(JsonNode? entry, string at, List<FieldError> errors)
    {
        var text = JsonFields.Text(entry, "rule") ?? "";
        var message = JsonFields.Text(entry, "message");
        var reason = JsonFields.Text(entry, "reason") ?? "FieldValueInvalid";
        var fieldPath = JsonFields.Text(entry, "fieldPath");
        var optionalOldSelf = JsonFields.Flag(entry, "optionalOldSelf");
        if (text.Trim().Length == 0)
        {
            errors.Add(FieldError.Required(at + ".rule", "rule is not specified"));
            return null;
        }

        if (message is not null && (message.Trim().Length == 0 || message.Contains('\n', StringComparison.Ordinal)))
        {
            errors.Add(FieldError.Invalid(at + ".message", GoText.Quote(message), "message must be non-empty and must not contain line breaks"));
        }
        else if (message is null && text.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Required(at + ".message", "message must be specified if rule contains line breaks"));
        }

        if (!Reasons.Contains(reason))
        {
            errors.Add(FieldError.NotSupported(at + ".reason", GoText.Quote(reason), Reasons));
        }

        if (fieldPath is not null && AppendPath("", fieldPath) is null)
        {
            errors.Add(FieldError.Invalid(at + ".fieldPath", GoText.Quote(fieldPath), "fieldPath must be a relative path such as .spec.replicas or ['key'], without list indexes"));
        }

        var (program, usesOldSelf) = TryCompile(text, at + ".rule", "compilation failed", errors);
        CelExpr? messageExpression = null;
        if (JsonFields.Text(entry, "messageExpression") is { } source)
        {
            (messageExpression, _) = TryCompile(source, at + ".messageExpression", "messageExpression compilation failed", errors);
        }

        if (optionalOldSelf && program is not null && !usesOldSelf)
        {
            errors.Add(FieldError.Invalid(at + ".optionalOldSelf", "true", "may not be set if oldSelf is not used in rule"));
        }

        return program is null ? null : new CelRule(text, program, message, messageExpression, reason, fieldPath, usesOldSelf, optionalOldSelf);
    }

    private static (CelExpr? Program, bool UsesOldSelf) TryCompile(string text, string field, string what, List<FieldError> errors)
    {
        try
        {
            var program = CelParser.Parse(text);
            return (program, CelChecker.Check(program, Variables));
        }
        catch (CelException ex)
        {
            errors.Add(FieldError.Invalid(field, GoText.Quote(text), $"{what}: ERROR: <input>:{Location(text, ex.Position)}: {ex.Message}"));
            return (null, false);
        }
    }

    private static string Location(string text, int position)
    {
        var at = Math.Clamp(position, 0, text.Length);
        var line = 1 + text.AsSpan(0, at).Count('\n');
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        return $"{line}:{at - lineStart + 1}";
    }

    /// <summary>
    /// <paramref name="path"/> extended by a rule's relative fieldPath (<c>.a.b</c>, <c>['x.y']</c>), or null when
    /// the fieldPath is malformed.
    /// </summary>
    public static string? AppendPath(string path, string fieldPath)
    {
        var sb = new StringBuilder(path);
        var i = 0;
        while (i < fieldPath.Length)
        {
            string name;
            if (fieldPath[i] == '.')
            {
                var end = fieldPath.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? fieldPath.Length : end;
                name = fieldPath[(i + 1)..end];
                i = end;
            }
            else if (fieldPath.AsSpan(i).StartsWith("['"))
            {
                var end = fieldPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                name = fieldPath[(i + 2)..end];
                i = end + 2;
            }
            else
            {
                return null;
            }

            if (name.Length == 0)
            {
                return null;
            }

            sb.Append(sb.Length == 0 ? "" : ".").Append(name);
        }

        return i == 0 ? null : sb.ToString();
    }
}

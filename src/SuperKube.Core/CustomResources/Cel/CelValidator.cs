using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// Runs a custom resource's <c>x-kubernetes-validations</c>: every rule at every schema node present in the object,
/// per list item and map value, with <c>self</c> bound to the value there and <c>oldSelf</c> to the correlated old
/// value on updates. Transition rules (those reading oldSelf) run only when an old value exists, unless
/// optionalOldSelf. Rules at a node whose value did not change are not re-checked on update (ratcheting). Each rule
/// has a cost budget and the request a total one, so no rule can hold the server.
/// </summary>
internal static class CelValidator
{
    public const long RuleBudget = 1_000_000;
    public const long RequestBudget = 10_000_000;

    public static IReadOnlyList<FieldError> Validate(CelSchemaNode root, JsonObject obj, JsonObject? old)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(obj);
        var run = new Run();
        run.Node(obj, old, old is not null, root, "");
        return run.Errors;
    }

    private sealed class Run
    {
        private long _remaining = RequestBudget;

        public List<FieldError> Errors { get; } = [];

        public void Node(JsonNode? value, JsonNode? old, bool hasOld, CelSchemaNode node, string path)
        {
            if (value is null || _remaining <= 0)
            {
                return;
            }

            if (node.Rules.Count > 0)
            {
                Rules(value, old, hasOld, node, path);
            }

            switch (value)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if ((path.Length > 0 || name != "metadata") && node.Child(name) is { } childNode)
                        {
                            var oldObj = old as JsonObject;
                            var oldHas = hasOld && oldObj is not null && oldObj.ContainsKey(name);
                            Node(child, oldHas ? oldObj![name] : null, oldHas, childNode, SchemaValidator.Child(path, name));
                        }
                    }

                    break;
                case JsonArray array when node.Items is { } items:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var match = hasOld ? Correlate(array[i], old as JsonArray, node) : null;
                        Node(array[i], match?.Value, match is not null, items, $"{path}[{i}]");
                    }

                    break;
            }
        }

        private void Rules(JsonNode value, JsonNode? old, bool hasOld, CelSchemaNode node, string path)
        {
            var unchanged = hasOld && JsonNode.DeepEquals(value, old);
            var self = Value(value, node, path);
            var oldSelf = hasOld ? Value(old, node, path) : null;
            foreach (var rule in node.Rules)
            {
                if ((rule.IsTransition && !hasOld && !rule.OptionalOldSelf) || (unchanged && !rule.IsTransition))
                {
                    continue;
                }

                var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self };
                if (rule.IsTransition)
                {
                    variables["oldSelf"] = rule.OptionalOldSelf ? (hasOld ? new CelOptional(true, oldSelf) : CelOptional.None) : oldSelf;
                }

                Evaluate(rule, variables, node, path);
                if (_remaining <= 0)
                {
                    Errors.Add(FieldError.Invalid(At(path), Type(node), "validation failed due to running out of cost budget, no further validation rules will be run"));
                    return;
                }
            }
        }

        private void Evaluate(CelRule rule, Dictionary<string, object?> variables, CelSchemaNode node, string path)
        {
            var evaluator = new CelEvaluator(Math.Min(RuleBudget, _remaining));
            var start = evaluator.Remaining;
            try
            {
                switch (evaluator.Evaluate(rule.Program, variables))
                {
                    case true:
                        return;
                    case false:
                        Errors.Add(Failure(rule, Message(rule, variables), node, path));
                        return;
                    case var other:
                        Errors.Add(FieldError.Invalid(At(path), Type(node), $"rule evaluated to {CelValues.TypeName(other)}, not bool, for rule: {rule.Rule.Trim()}"));
                        return;
                }
            }
            catch (CelException ex) when (ex.Fatal)
            {
                Errors.Add(FieldError.Invalid(At(path), Type(node), $"{ex.Message} for rule: {rule.Rule.Trim()}"));
            }
            catch (CelException ex)
            {
                Errors.Add(FieldError.Invalid(At(path), Type(node), $"{ex.Message} evaluating rule: {rule.Rule.Trim()}"));
            }
            catch (Exception ex) when (ex is InvalidCastException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                // A gap in the interpreter must still be a 422 for this rule, never a 500 for the request.
                Errors.Add(FieldError.Invalid(At(path), Type(node), $"internal error evaluating rule: {rule.Rule.Trim()}"));
            }
            finally
            {
                _remaining -= start - evaluator.Remaining;
            }
        }

        private string Message(CelRule rule, Dictionary<string, object?> variables)
        {
            if (rule.MessageExpression is { } expression)
            {
                var evaluator = new CelEvaluator(Math.Min(RuleBudget, Math.Max(_remaining, 0)));
                try
                {
                    if (evaluator.Evaluate(expression, variables) is string { Length: > 0 } text && !text.Contains('\n', StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
                catch (CelException)
                {
                    // Upstream falls back to the static message when messageExpression fails.
                }
                finally
                {
                    _remaining -= Math.Min(RuleBudget, Math.Max(_remaining, 0)) - evaluator.Remaining;
                }
            }

            return rule.Message ?? $"failed rule: {rule.Rule.Trim()}";
        }

        private static FieldError Failure(CelRule rule, string message, CelSchemaNode node, string path)
        {
            var field = rule.FieldPath is { } relative ? CelRuleCompiler.AppendPath(path, relative) ?? At(path) : At(path);
            return rule.Reason switch
            {
                "FieldValueForbidden" => FieldError.Forbidden(field, message),
                "FieldValueRequired" => FieldError.Required(field, message),
                "FieldValueDuplicate" => FieldError.Duplicate(field, Type(node)),
                _ => FieldError.Invalid(field, Type(node), message),
            };
        }

        // Errors at the root read "<nil>: ..." upstream (an empty field path).
        private static string At(string path) => path.Length == 0 ? "<nil>" : path;

        private static string Type(CelSchemaNode node) => GoText.Quote(node.Schema.Type ?? "");

        // The root is seen with metadata reduced to name and generateName, as upstream exposes it.
        private static object? Value(JsonNode? value, CelSchemaNode node, string path)
        {
            var converted = CelValues.FromJson(value, node.Schema);
            if (path.Length == 0 && converted is Dictionary<object, object?> root && root.TryGetValue("metadata", out var meta)
                && meta is Dictionary<object, object?> metadata)
            {
                root["metadata"] = metadata.Where(p => p.Key is "name" or "generateName").ToDictionary(p => p.Key, p => p.Value);
            }

            return converted;
        }

        // List items correlate with old items only for list-type map (by keys) and set (by value), as upstream.
        private static KeyValuePair<int, JsonNode?>? Correlate(JsonNode? item, JsonArray? old, CelSchemaNode node)
        {
            if (old is null || item is null)
            {
                return null;
            }

            for (var i = 0; i < old.Count; i++)
            {
                var match = node.Schema.ListType switch
                {
                    "map" => node.Schema.ListMapKeys is { Count: > 0 } keys && item is JsonObject x && old[i] is JsonObject y
                        && keys.All(k => JsonNode.DeepEquals(x[k], y[k])),
                    "set" => JsonNode.DeepEquals(item, old[i]),
                    _ => false,
                };
                if (match)
                {
                    return new KeyValuePair<int, JsonNode?>(i, old[i]);
                }
            }

            return null;
        }
    }
}

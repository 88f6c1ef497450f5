using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Pod validation: the pod spec on every write, and on update the real server's rule that a pod's spec is fixed
/// except for container images, activeDeadlineSeconds (lowered or newly set), added tolerations, removed scheduling
/// gates and terminationGracePeriodSeconds (to 1 from a negative value).
/// </summary>
internal static class PodValidator
{
    public const string UpdateForbiddenMessage =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`," +
        "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations)," +
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    private const int MaxDiffLines = 10;

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var spec = JsonRead.Object(obj, "spec");
        var errors = PodSpecValidator.Validate(spec, "spec");
        if (old is not null)
        {
            errors.AddRange(ValidateUpdate(spec ?? [], JsonRead.Object(old, "spec") ?? []));
        }

        return errors;
    }

    private static IEnumerable<FieldError> ValidateUpdate(JsonObject spec, JsonObject oldSpec)
    {
        var deadline = JsonRead.Integer(spec, "activeDeadlineSeconds");
        var oldDeadline = JsonRead.Integer(oldSpec, "activeDeadlineSeconds");
        if (oldDeadline is not null && deadline is null)
        {
            yield return FieldError.Invalid("spec.activeDeadlineSeconds", "null", "must not update from a positive integer to nil value");
        }
        else if (oldDeadline is not null && deadline > oldDeadline)
        {
            yield return FieldError.Invalid("spec.activeDeadlineSeconds",
                deadline.Value.ToString(CultureInfo.InvariantCulture), "must be less than or equal to previous value");
        }

        if (!KeepsTolerations(JsonRead.Array(spec, "tolerations"), JsonRead.Array(oldSpec, "tolerations")))
        {
            yield return FieldError.Forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds");
        }

        var (current, previous) = WithoutMutableFields(spec, oldSpec);
        if (!JsonNode.DeepEquals(current, previous))
        {
            var changed = new List<string>();
            Diff(previous, current, "spec", changed);
            var lines = changed.Take(MaxDiffLines).Select(p => "\n  changed: " + p);
            yield return FieldError.Forbidden("spec", UpdateForbiddenMessage + string.Concat(lines));
        }
    }

    // Copies of both specs with the fields a pod update may change taken out (or made equal).
    private static (JsonObject Current, JsonObject Previous) WithoutMutableFields(JsonObject spec, JsonObject oldSpec)
    {
        var current = spec.DeepClone().AsObject();
        var previous = oldSpec.DeepClone().AsObject();
        foreach (var list in (ReadOnlySpan<string>)["containers", "initContainers"])
        {
            var currentList = JsonRead.Array(current, list);
            foreach (var (container, i) in JsonRead.Items(JsonRead.Array(previous, list)))
            {
                if (currentList is not null && i < currentList.Count && currentList[i] is JsonObject target && container is JsonObject source)
                {
                    target["image"] = source["image"]?.DeepClone();
                }
            }
        }

        var removable = new List<string> { "activeDeadlineSeconds", "tolerations" };
        if (JsonRead.Integer(oldSpec, "terminationGracePeriodSeconds") < 0 && JsonRead.Integer(spec, "terminationGracePeriodSeconds") == 1)
        {
            removable.Add("terminationGracePeriodSeconds");
        }

        var gates = JsonRead.Array(spec, "schedulingGates") ?? [];
        var oldGates = JsonRead.Array(oldSpec, "schedulingGates") ?? [];
        if (gates.All(g => oldGates.Any(o => JsonNode.DeepEquals(g, o))))
        {
            removable.Add("schedulingGates"); // gates may only be removed
        }

        foreach (var name in removable)
        {
            current.Remove(name);
            previous.Remove(name);
        }

        return (current, previous);
    }

    // Every old toleration must still be there; only its tolerationSeconds may differ.
    private static bool KeepsTolerations(JsonArray? tolerations, JsonArray? oldTolerations) =>
        (oldTolerations ?? []).All(old => (tolerations ?? []).Any(t => JsonNode.DeepEquals(WithoutSeconds(old), WithoutSeconds(t))));

    private static JsonNode? WithoutSeconds(JsonNode? toleration)
    {
        if (toleration is not JsonObject obj)
        {
            return toleration;
        }

        var copy = obj.DeepClone().AsObject();
        copy.Remove("tolerationSeconds");
        return copy;
    }

    // Paths where two JSON trees differ, descending into objects and equally long arrays.
    private static void Diff(JsonNode? before, JsonNode? after, string path, List<string> changed)
    {
        if (changed.Count >= MaxDiffLines || JsonNode.DeepEquals(before, after))
        {
            return;
        }

        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Diff(a[key], b[key], $"{path}.{key}", changed);
            }
        }
        else if (before is JsonArray x && after is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                Diff(x[i], y[i], $"{path}[{i}]", changed);
            }
        }
        else
        {
            changed.Add(path);
        }
    }
}

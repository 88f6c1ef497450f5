using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Validation of LimitRanges (upstream's <c>ValidateLimitRange</c>): one item per type, consistent min/default/max, ratios of at least 1.</summary>
internal static class LimitRangeValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, i) in JsonRead.Items(JsonRead.Array(obj, "spec", "limits")))
        {
            var path = $"spec.limits[{i}]";
            var item = node as JsonObject ?? [];
            var type = JsonRead.String(item, "type") ?? "";
            if (!types.Add(type))
            {
                errors.Add(FieldError.Duplicate(path + ".type", GoText.Quote(type)));
            }

            if (type == "Pod")
            {
                errors.AddRange(new[] { "default", "defaultRequest" }.Where(k => JsonRead.Object(item, k) is { Count: > 0 })
                    .Select(k => FieldError.Forbidden($"{path}.{k}", "may not be specified when `type` is 'Pod'")));
            }

            errors.AddRange(Quantities(item, path));
        }

        return errors;
    }

    private static IEnumerable<FieldError> Quantities(JsonObject item, string path)
    {
        var lists = new[] { "min", "max", "default", "defaultRequest", "maxLimitRequestRatio" }
            .ToDictionary(k => k, k => QuantityMap.Read(JsonRead.Object(item, k)));
        var names = lists.Values.SelectMany(l => l.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var min = lists["min"].Find(name);
            var max = lists["max"].Find(name);
            var def = lists["default"].Find(name);
            var request = lists["defaultRequest"].Find(name);
            var ratio = lists["maxLimitRequestRatio"].Find(name);
            FieldError Error(string list, (decimal Value, string Text) bad, string detail) => FieldError.Invalid($"{path}.{list}[{name}]", GoText.Quote(bad.Text), detail);

            if (min is { } a && max is { } b && a.Value > b.Value)
            {
                yield return Error("min", a, $"min value {a.Text} is greater than max value {b.Text}");
            }

            if (request is { } r && min is { } m1 && m1.Value > r.Value)
            {
                yield return Error("defaultRequest", r, $"min value {m1.Text} is greater than default request value {r.Text}");
            }

            if (request is { } r2 && max is { } x1 && r2.Value > x1.Value)
            {
                yield return Error("defaultRequest", r2, $"default request value {r2.Text} is greater than max value {x1.Text}");
            }

            if (request is { } r3 && def is { } d1 && r3.Value > d1.Value)
            {
                yield return Error("defaultRequest", r3, $"default request value {r3.Text} is greater than default limit value {d1.Text}");
            }

            if (def is { } d2 && min is { } m2 && m2.Value > d2.Value)
            {
                yield return Error("default", d2, $"min value {m2.Text} is greater than default value {d2.Text}");
            }

            if (def is { } d3 && max is { } x2 && d3.Value > x2.Value)
            {
                yield return Error("default", d3, $"default value {d3.Text} is greater than max value {x2.Text}");
            }

            if (ratio is { } q && q.Value < 1)
            {
                yield return Error("maxLimitRequestRatio", q, $"ratio {q.Text} is less than 1");
            }
        }
    }
}

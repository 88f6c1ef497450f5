using System.Text.Json.Nodes;

namespace SuperKube.Apply;

/// <summary>Removes a field path from an object, and the objects and lists the removal leaves empty.</summary>
internal static class FieldRemoval
{
    /// <summary>Removes the node at <paramref name="path"/>; false when it is not there.</summary>
    public static bool Remove(JsonObject root, IReadOnlyList<string> path)
    {
        var trail = new List<(JsonNode Container, JsonNode? Child)>();
        JsonNode? node = root;
        foreach (var element in path)
        {
            if (node is null || !TryStep(node, element, out var child))
            {
                return false;
            }

            trail.Add((node, child));
            node = child;
        }

        for (var i = trail.Count - 1; i >= 0; i--)
        {
            var (container, child) = trail[i];
            Detach(container, path[i], child);
            var emptied = container is JsonObject { Count: 0 } or JsonArray { Count: 0 };
            if (!emptied || i == 0)
            {
                break;
            }
        }

        return true;
    }

    /// <summary>Finds the child an element names (a JSON null child counts as found).</summary>
    private static bool TryStep(JsonNode node, string element, out JsonNode? child)
    {
        child = null;
        switch (node)
        {
            case JsonObject obj when element.StartsWith("f:", StringComparison.Ordinal):
                return obj.TryGetPropertyValue(element[2..], out child);
            case JsonArray list when element.StartsWith("i:", StringComparison.Ordinal):
                if (int.TryParse(element.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < list.Count)
                {
                    child = list[index];
                    return true;
                }

                return false;
            case JsonArray list:
                foreach (var item in list)
                {
                    if (ListElements.Matches(item, element))
                    {
                        child = item;
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static void Detach(JsonNode container, string element, JsonNode? child)
    {
        if (container is JsonObject obj)
        {
            obj.Remove(element[2..]);
        }
        else if (container is JsonArray list)
        {
            if (element.StartsWith("i:", StringComparison.Ordinal))
            {
                list.RemoveAt(int.Parse(element.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                list.Remove(child);
            }
        }
    }
}

using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Quota;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Validation;

namespace SuperKube.Admission.LimitRanger;

/// <summary>
/// Upstream's LimitRanger plugin. Mutating: a new pod's containers get the namespace's LimitRange Container
/// <c>defaultRequest</c> and <c>default</c> for resources they do not set (noted in the
/// <c>kubernetes.io/limit-ranger</c> annotation). Validating: new pods (per container and per pod) and new or
/// resized PersistentVolumeClaims must respect min, max and maxLimitRequestRatio, else 403 with upstream's message.
/// </summary>
internal sealed class LimitRangerAdmission(IResourceRegistry registry, ResourceReader reader) : IMutatingAdmissionPlugin, IValidatingAdmissionPlugin
{
    private const string Annotation = "kubernetes.io/limit-ranger";

    public string Name => "LimitRanger";

    public bool AppliesTo(ResourceType resource) => resource is { Group: "", Plural: "pods" };

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is not { Operation: AdmissionOperation.Create, Subresource: "", Resource: { Group: "", Plural: "pods" }, Object: { } pod })
        {
            return;
        }

        var items = await ItemsAsync(request.Namespace, "Container", cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        foreach (var (container, prefix) in Containers(pod))
        {
            var resources = Obj(container, "resources");
            var setRequests = new SortedSet<string>(StringComparer.Ordinal);
            var setLimits = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                Fill(resources, "requests", JsonRead.Object(item, "defaultRequest"), setRequests);
                Fill(resources, "limits", JsonRead.Object(item, "default"), setLimits);
            }

            var name = JsonRead.String(container, "name") ?? "";
            if (setRequests.Count > 0)
            {
                notes.Add($"{string.Join(", ", setRequests)} request for {prefix} {name}");
            }

            if (setLimits.Count > 0)
            {
                notes.Add($"{string.Join(", ", setLimits)} limit for {prefix} {name}");
            }
        }

        if (notes.Count > 0)
        {
            Obj(Obj(pod, "metadata"), "annotations")[Annotation] = "LimitRanger plugin set: " + string.Join("; ", notes);
        }
    }

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is not { Subresource: "", Object: { } obj } || request.Namespace.Length == 0)
        {
            return;
        }

        var errors = new List<string>();
        switch (request.Resource)
        {
            case { Group: "", Plural: "pods" } when request.Operation == AdmissionOperation.Create:
                foreach (var item in await ItemsAsync(request.Namespace, "Container", cancellationToken).ConfigureAwait(false))
                {
                    foreach (var (container, _) in Containers(obj))
                    {
                        errors.AddRange(LimitRangeConstraints.Check(item, "Container", QuantityMap.Read(JsonRead.Object(container, "resources", "requests")),
                            QuantityMap.Read(JsonRead.Object(container, "resources", "limits"))));
                    }
                }

                foreach (var item in await ItemsAsync(request.Namespace, "Pod", cancellationToken).ConfigureAwait(false))
                {
                    errors.AddRange(LimitRangeConstraints.Check(item, "Pod", PodTotal(obj, "requests"), PodTotal(obj, "limits")));
                }

                break;
            case { Group: "", Plural: "persistentvolumeclaims" } when request.Operation == AdmissionOperation.Create || Resized(request):
                foreach (var item in await ItemsAsync(request.Namespace, "PersistentVolumeClaim", cancellationToken).ConfigureAwait(false))
                {
                    errors.AddRange(LimitRangeConstraints.CheckClaim(item, QuantityMap.Read(JsonRead.Object(obj, "spec", "resources", "requests"))));
                }

                break;
        }

        if (errors.Count > 0)
        {
            throw ApiException.Forbidden(request.Resource, request.Name, errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]");
        }
    }

    private static bool Resized(AdmissionRequest request) =>
        request.Operation == AdmissionOperation.Update
        && !JsonNode.DeepEquals(JsonRead.At(request.Object, "spec", "resources", "requests"), JsonRead.At(request.OldObject, "spec", "resources", "requests"));

    /// <summary>A pod's total: the sum over its containers, or the largest init container when that is more (as upstream).</summary>
    private static QuantityMap PodTotal(JsonObject pod, string kind)
    {
        var total = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var container in JsonRead.Array(pod, "spec", "containers")?.OfType<JsonObject>() ?? [])
        {
            foreach (var (name, amount) in QuantityMap.Read(JsonRead.Object(container, "resources", kind)))
            {
                total[name] = total.GetValueOrDefault(name) + amount.Value;
            }
        }

        foreach (var container in JsonRead.Array(pod, "spec", "initContainers")?.OfType<JsonObject>() ?? [])
        {
            foreach (var (name, amount) in QuantityMap.Read(JsonRead.Object(container, "resources", kind)))
            {
                total[name] = Math.Max(total.GetValueOrDefault(name), amount.Value);
            }
        }

        var amounts = new QuantityMap();
        foreach (var (name, value) in total)
        {
            amounts[name] = (value, QuotaQuantity.Format(name, value));
        }

        return amounts;
    }

    private static IEnumerable<(JsonObject Container, string Prefix)> Containers(JsonObject pod) =>
        (JsonRead.Array(pod, "spec", "initContainers")?.OfType<JsonObject>() ?? []).Select(c => (c, "init container"))
            .Concat((JsonRead.Array(pod, "spec", "containers")?.OfType<JsonObject>() ?? []).Select(c => (c, "container")));

    private static void Fill(JsonObject resources, string key, JsonObject? defaults, SortedSet<string> set)
    {
        foreach (var (name, value) in defaults ?? [])
        {
            var target = Obj(resources, key);
            if (target[name] is null)
            {
                target[name] = value?.DeepClone();
                set.Add(name);
            }
        }
    }

    private static JsonObject Obj(JsonObject parent, string key) => Defaulting.JsonDefaults.Obj(parent, key);

    /// <summary>The items of the given type of the namespace's LimitRanges (ordered by LimitRange name).</summary>
    private async Task<List<JsonObject>> ItemsAsync(string ns, string type, CancellationToken cancellationToken)
    {
        var limitRanges = registry.Find("", "v1", "limitranges") ?? throw new InvalidOperationException("limitranges are not registered");
        var list = await reader.ListAsync(limitRanges, ns, new ListOptions { ResourceVersion = "0" }, cancellationToken).ConfigureAwait(false);
        return [.. list.Items
            .Select(c => c.Parse())
            .SelectMany(lr => JsonRead.Array(lr, "spec", "limits")?.OfType<JsonObject>() ?? [])
            .Where(item => JsonRead.String(item, "type") == type)];
    }
}

using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Validation;

namespace SuperKube.Admission.Priority;

/// <summary>
/// Upstream's Priority plugin. Mutating: a new pod gets <c>spec.priority</c> and <c>spec.preemptionPolicy</c> from its
/// <c>priorityClassName</c>, or from the global default class (whose name it then carries), else priority 0; an
/// unknown class, or a priority or preemption policy the client set that differs from the class's, is refused
/// (403); updates keep the stored values. Validating: only one PriorityClass may be the global default.
/// </summary>
internal sealed class PriorityAdmission(IResourceRegistry registry, ResourceReader reader) : IMutatingAdmissionPlugin, IValidatingAdmissionPlugin
{
    public string Name => "Priority";

    public bool AppliesTo(ResourceType resource) => resource is { Group: "", Plural: "pods" };

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is not { Subresource: "", Resource: { Group: "", Plural: "pods" }, Object: { } pod } || pod["spec"] is not JsonObject spec)
        {
            return;
        }

        if (request.Operation == AdmissionOperation.Update)
        {
            foreach (var field in new[] { "priority", "preemptionPolicy" })
            {
                if (spec[field] is null && JsonRead.At(request.OldObject, "spec", field) is { } kept)
                {
                    spec[field] = kept.DeepClone();
                }
            }

            return;
        }

        if (request.Operation != AdmissionOperation.Create)
        {
            return;
        }

        var className = JsonRead.String(spec, "priorityClassName") ?? "";
        JsonObject? priorityClass;
        if (className.Length == 0)
        {
            priorityClass = await GlobalDefaultAsync(except: null, cancellationToken).ConfigureAwait(false);
            if (priorityClass is not null)
            {
                spec["priorityClassName"] = JsonRead.String(priorityClass, "metadata", "name");
            }
        }
        else
        {
            priorityClass = reader.Find(Classes, "", className)?.Parse()
                ?? throw ApiException.Forbidden(request.Resource, request.Name, $"no PriorityClass with name {className} was found");
        }

        var priority = JsonRead.Integer(priorityClass, "value") ?? 0;
        if (JsonRead.Integer(spec, "priority") is { } given && given != priority)
        {
            throw ApiException.Forbidden(request.Resource, request.Name,
                $"the integer value of priority ({given}) must not be provided in pod spec; priority admission controller computed {priority} from the given PriorityClass name");
        }

        spec["priority"] = priority;
        if (JsonRead.String(priorityClass, "preemptionPolicy") is { } policy)
        {
            if (JsonRead.String(spec, "preemptionPolicy") is { } givenPolicy && givenPolicy != policy)
            {
                throw ApiException.Forbidden(request.Resource, request.Name,
                    $"the string value of PreemptionPolicy ({givenPolicy}) must not be provided in pod spec; priority admission controller computed {policy} from the given PriorityClass name");
            }

            spec["preemptionPolicy"] = policy;
        }
    }

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is { Operation: AdmissionOperation.Create or AdmissionOperation.Update, Resource: { Group: "scheduling.k8s.io", Plural: "priorityclasses" }, Object: { } pc }
            && JsonRead.Boolean(pc, "globalDefault") == true
            && await GlobalDefaultAsync(except: request.Name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw ApiException.Forbidden(request.Resource, request.Name,
                $"PriorityClass {JsonRead.String(existing, "metadata", "name")} is already marked as default. Only one default can exist");
        }
    }

    private ResourceType Classes => registry.Find("scheduling.k8s.io", "v1", "priorityclasses")
        ?? throw new InvalidOperationException("priorityclasses are not registered");

    /// <summary>The global default class with the lowest value (as upstream), other than <paramref name="except"/>.</summary>
    private async Task<JsonObject?> GlobalDefaultAsync(string? except, CancellationToken cancellationToken) =>
        (await reader.ListAsync(Classes, null, new ListOptions { ResourceVersion = "0" }, cancellationToken).ConfigureAwait(false)).Items
            .Select(c => c.Parse())
            .Where(pc => JsonRead.Boolean(pc, "globalDefault") == true && JsonRead.String(pc, "metadata", "name") != except)
            .OrderBy(pc => JsonRead.Integer(pc, "value") ?? 0)
            .FirstOrDefault();
}

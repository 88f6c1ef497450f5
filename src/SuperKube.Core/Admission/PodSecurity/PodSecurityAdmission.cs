using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Validation;

namespace SuperKube.Admission.PodSecurity;

/// <summary>
/// Upstream's PodSecurity admission: a namespace's <c>pod-security.kubernetes.io/enforce</c> level refuses pods that
/// violate it (403 <c>violates PodSecurity "restricted:latest": ...</c>); its <c>warn</c> level adds a Warning
/// (<c>would violate PodSecurity ...</c>) to pod and workload (pod template) writes that violate it. Invalid
/// pod-security labels on a Namespace are refused (422).
/// </summary>
internal sealed class PodSecurityAdmission(IResourceRegistry registry, ResourceReader reader) : IValidatingAdmissionPlugin
{
    public string Name => "PodSecurity";

    public ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is not { Operation: AdmissionOperation.Create or AdmissionOperation.Update, Object: { } obj })
        {
            return ValueTask.CompletedTask;
        }

        if (request.Resource is { Group: "", Plural: "namespaces" } && request.Subresource.Length == 0)
        {
            var errors = PodSecurityPolicy.Validate(Labels(obj)).ToList();
            if (errors.Count > 0)
            {
                throw ApiException.Invalid("", "Namespace", request.Name, errors);
            }

            return ValueTask.CompletedTask;
        }

        var isPod = request.Resource is { Group: "", Plural: "pods" };
        if (request.Namespace.Length == 0 || !Evaluated(request, isPod) || Template(request.Resource, obj) is not { } pod)
        {
            return ValueTask.CompletedTask;
        }

        var labels = NamespaceLabels(request.Namespace);
        var enforce = PodSecurityPolicy.For(labels, "enforce");
        if (isPod && PodSecurityChecks.Evaluate(enforce.Level, pod) is { Count: > 0 } violations)
        {
            throw ApiException.Forbidden(request.Resource, request.Name,
                $"violates PodSecurity \"{enforce}\": {PodSecurityChecks.Describe(violations)}");
        }

        var warn = PodSecurityPolicy.For(labels, "warn");
        if (PodSecurityChecks.Evaluate(warn.Level, pod) is { Count: > 0 } warnings)
        {
            request.Warnings.Add($"would violate PodSecurity \"{warn}\": {PodSecurityChecks.Describe(warnings)}");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Pods are evaluated on create and when ephemeral containers are added (their spec is otherwise immutable where it
    /// matters); workloads on create and when their pod template changed; other subresources never.
    /// </summary>
    private static bool Evaluated(AdmissionRequest request, bool isPod) => request switch
    {
        { Subresource: "ephemeralcontainers" } => isPod,
        { Subresource.Length: > 0 } => false,
        { Operation: AdmissionOperation.Create } => true,
        _ => !isPod && request.OldObject is { } old && Template(request.Resource, old) is { } before
            && Template(request.Resource, request.Object!) is { } after && !JsonNode.DeepEquals(before.Spec, after.Spec),
    };

    /// <summary>The pod, or the pod template of a workload, of an object; null for other resources.</summary>
    private static PodView? Template(ResourceType resource, JsonObject obj)
    {
        JsonObject? template = (resource.Group, resource.Plural) switch
        {
            ("", "pods") => obj,
            ("", "podtemplates") => JsonRead.Object(obj, "template"),
            ("", "replicationcontrollers") or ("apps", "deployments" or "replicasets" or "statefulsets" or "daemonsets") or ("batch", "jobs") =>
                JsonRead.Object(obj, "spec", "template"),
            ("batch", "cronjobs") => JsonRead.Object(obj, "spec", "jobTemplate", "spec", "template"),
            _ => null,
        };
        return JsonRead.Object(template, "spec") is { } spec ? new PodView(JsonRead.Object(template, "metadata"), spec) : null;
    }

    private Dictionary<string, string> NamespaceLabels(string ns)
    {
        var namespaces = registry.Find("", "v1", "namespaces");
        var cached = namespaces is null ? null : reader.Find(namespaces, "", ns);
        return cached is null ? [] : cached.Labels.ToDictionary(StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Labels(JsonObject obj) =>
        JsonRead.StringEntries(JsonRead.Object(obj, "metadata", "labels")).ToDictionary(StringComparer.Ordinal);
}

using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Admission;

/// <summary>
/// Kubernetes' NamespaceLifecycle plugin: objects are only created in namespaces that exist and are not being
/// deleted, and the system namespaces cannot be deleted.
/// </summary>
internal sealed class NamespaceLifecycleAdmission(IResourceRegistry registry, ResourceReader reader) : IValidatingAdmissionPlugin
{
    private static readonly HashSet<string> Immortal = ["default", "kube-system", "kube-public"];

    public string Name => "NamespaceLifecycle";

    public ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request.Resource is { Group: "", Plural: "namespaces" })
        {
            if (request.Operation == AdmissionOperation.Delete && Immortal.Contains(request.Name))
            {
                throw ApiException.Forbidden(request.Resource, request.Name, "this namespace may not be deleted");
            }

            return ValueTask.CompletedTask;
        }

        if (request.Operation != AdmissionOperation.Create || !request.Resource.IsNamespaced)
        {
            return ValueTask.CompletedTask;
        }

        var namespaces = registry.Find("", "v1", "namespaces") ?? throw new InvalidOperationException("namespaces are not registered");
        var ns = reader.Find(namespaces, "", request.Namespace);
        if (ns is null)
        {
            throw ApiException.NotFound(namespaces, request.Namespace);
        }

        if (ns.IsDeleting)
        {
            throw new ApiException(403, "Forbidden",
                $"{request.Resource.QualifiedResource} \"{request.Name}\" is forbidden: unable to create new content in namespace {request.Namespace} because it is being terminated",
                new JsonObject
                {
                    ["name"] = request.Name,
                    ["kind"] = request.Resource.Plural,
                    ["causes"] = new JsonArray(new JsonObject
                    {
                        ["reason"] = "NamespaceTerminating",
                        ["message"] = $"namespace {request.Namespace} is being terminated",
                        ["field"] = "metadata.namespace",
                    }),
                });
        }

        return ValueTask.CompletedTask;
    }
}

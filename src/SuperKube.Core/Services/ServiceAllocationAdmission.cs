using SuperKube.Admission;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Services;

/// <summary>Allocates cluster IPs and node ports when a Service is created or its spec updated.</summary>
internal sealed class ServiceAllocationAdmission(ServiceAllocator allocator, ResourceReader reader) : IMutatingAdmissionPlugin
{
    public string Name => "ServiceAllocation";

    public bool AppliesTo(ResourceType resource) => resource is { Group: "", Plural: "services" };

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request.Resource is not { Group: "", Plural: "services" } || request.Subresource.Length > 0
            || request.Operation is not (AdmissionOperation.Create or AdmissionOperation.Update) || request.Object is null)
        {
            return;
        }

        if (request.Operation == AdmissionOperation.Create && reader.Find(request.Resource, request.Namespace, request.Name) is not null)
        {
            // The create fails with AlreadyExists when stored; reserving first would report a taken address instead.
            return;
        }

        if (request.Operation == AdmissionOperation.Create && ObjectMetadata.Uid(request.Object).Length == 0)
        {
            // The allocation records name their owner by uid, so the Service gets its uid now rather than when stored.
            ObjectMetadata.Of(request.Object)["uid"] = Guid.NewGuid().ToString();
        }

        await allocator.AllocateAsync(request.Object, request.OldObject, request.DryRun, cancellationToken).ConfigureAwait(false);
    }
}

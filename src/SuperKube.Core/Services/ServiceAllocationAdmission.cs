using SuperKube.Admission;

namespace SuperKube.Services;

/// <summary>Allocates cluster IPs and node ports when a Service is created or its spec updated.</summary>
internal sealed class ServiceAllocationAdmission(ServiceAllocator allocator) : IMutatingAdmissionPlugin
{
    public string Name => "ServiceAllocation";

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request.Resource is not { Group: "", Plural: "services" } || request.Subresource.Length > 0
            || request.Operation is not (AdmissionOperation.Create or AdmissionOperation.Update) || request.Object is null)
        {
            return;
        }

        await allocator.AllocateAsync(request.Object, request.OldObject, request.DryRun, cancellationToken).ConfigureAwait(false);
    }
}

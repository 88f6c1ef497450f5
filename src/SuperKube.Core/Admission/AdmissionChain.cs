using SuperKube.Registry;

namespace SuperKube.Admission;

/// <summary>Runs the registered mutating plugins, then the validating ones, in registration order.</summary>
internal sealed class AdmissionChain(
    IEnumerable<IMutatingAdmissionPlugin> mutating,
    IEnumerable<IValidatingAdmissionPlugin> validating)
{
    private readonly IMutatingAdmissionPlugin[] _mutating = [.. mutating];
    private readonly IValidatingAdmissionPlugin[] _validating = [.. validating];

    /// <summary>False when no mutating plugin is registered, so admission cannot change an object.</summary>
    public bool CanMutate => _mutating.Length > 0;

    /// <summary>False when no mutating plugin applies to <paramref name="resource"/>, so its writes skip mutation and the second validation.</summary>
    public bool CanMutateOn(ResourceType resource) => _mutating.Any(p => p.AppliesTo(resource));

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (var plugin in _mutating.Where(p => p.AppliesTo(request.Resource)))
        {
            await plugin.MutateAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (var plugin in _validating)
        {
            await plugin.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}

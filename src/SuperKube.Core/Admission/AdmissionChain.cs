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

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (var plugin in _mutating)
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

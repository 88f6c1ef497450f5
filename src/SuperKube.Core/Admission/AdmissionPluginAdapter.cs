using SuperKube.Registry;

namespace SuperKube.Admission;

/// <summary>
/// Presents one registered plugin instance in the admission roles it implements, so a plugin that both mutates and
/// validates is a single object (and registering it twice is detected by type).
/// </summary>
internal sealed class AdmissionPluginAdapter<TPlugin>(TPlugin plugin) : IMutatingAdmissionPlugin, IValidatingAdmissionPlugin
    where TPlugin : class
{
    public string Name => (plugin as IMutatingAdmissionPlugin)?.Name ?? (plugin as IValidatingAdmissionPlugin)?.Name ?? typeof(TPlugin).Name;

    public bool AppliesTo(ResourceType resource) => (plugin as IMutatingAdmissionPlugin)?.AppliesTo(resource) ?? false;

    public ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        ((IMutatingAdmissionPlugin)plugin).MutateAsync(request, cancellationToken);

    public ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
        ((IValidatingAdmissionPlugin)plugin).ValidateAsync(request, cancellationToken);
}

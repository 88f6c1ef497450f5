using SuperKube.Registry;

namespace SuperKube.Admission;

/// <summary>Changes objects before validation (defaults from policy, injected fields). Throw ApiException to reject.</summary>
public interface IMutatingAdmissionPlugin
{
    string Name { get; }

    /// <summary>Whether the plugin may change objects of <paramref name="resource"/>; writes of others skip it. Default: all.</summary>
    bool AppliesTo(ResourceType resource) => true;

    ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}

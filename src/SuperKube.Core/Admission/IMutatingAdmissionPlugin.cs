namespace SuperKube.Admission;

/// <summary>Changes objects before validation (defaults from policy, injected fields). Throw ApiException to reject.</summary>
public interface IMutatingAdmissionPlugin
{
    string Name { get; }

    ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}

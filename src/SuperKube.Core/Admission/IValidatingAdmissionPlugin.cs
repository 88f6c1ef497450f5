namespace SuperKube.Admission;

/// <summary>Accepts or rejects writes after mutation and validation. Throw ApiException to reject.</summary>
public interface IValidatingAdmissionPlugin
{
    string Name { get; }

    ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}

namespace SuperKube.Runtime.Containers;

/// <summary>
/// Credentials for one registry, from an image pull secret. <see cref="Registry"/> is the key as the secret writes it:
/// a host (<c>registry.example.com:5000</c>), a URL (<c>https://index.docker.io/v1/</c>) or a wildcard host
/// (<c>*.example.com</c>); <see cref="ImageRegistry.Find"/> picks the one for an image.
/// </summary>
public sealed record RegistryCredential(string Registry, string Username, string Password)
{
    /// <summary>An OAuth identity token, when the secret carries one instead of a password. Default: null.</summary>
    public string? IdentityToken { get; init; }
}

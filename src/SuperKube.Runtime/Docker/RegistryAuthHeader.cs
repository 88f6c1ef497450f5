using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Docker;

/// <summary>The engine's <c>X-Registry-Auth</c> header: padded base64url of its AuthConfig JSON, for the credential that matches an image's registry.</summary>
internal static class RegistryAuthHeader
{
    /// <summary>The address Docker's own client sends for Docker Hub.</summary>
    public const string DockerHubAddress = "https://index.docker.io/v1/";

    /// <summary>The header for <paramref name="image"/> from <paramref name="credentials"/>; null when none matches.</summary>
    public static string? For(string image, IEnumerable<RegistryCredential> credentials)
    {
        if (ImageRegistry.Find(credentials, image) is not { } credential)
        {
            return null;
        }

        var host = ImageRegistry.Host(image);
        var auth = new JsonObject
        {
            ["username"] = credential.Username,
            ["password"] = credential.Password,
            ["serveraddress"] = host == ImageRegistry.DockerHub ? DockerHubAddress : host,
        };
        if (credential.IdentityToken is { Length: > 0 } token)
        {
            auth["identitytoken"] = token;
        }

        // Go's base64.URLEncoding, which the engine decodes with, keeps the '=' padding.
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(auth.ToJsonString())).Replace('+', '-').Replace('/', '_');
    }
}

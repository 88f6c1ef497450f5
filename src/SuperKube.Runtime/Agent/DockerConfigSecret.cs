using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Reads the registry credentials of an image pull secret: <c>kubernetes.io/dockerconfigjson</c>
/// (<c>.dockerconfigjson</c>: <c>{"auths": {REGISTRY: {...}}}</c>) or the older <c>kubernetes.io/dockercfg</c>
/// (<c>.dockercfg</c>: <c>{REGISTRY: {...}}</c>). An entry has username and password, or <c>auth</c> (base64 of
/// <c>user:password</c>), optionally an identitytoken. Other types and unreadable data give no credentials.
/// </summary>
internal static class DockerConfigSecret
{
    public const string ConfigJsonType = "kubernetes.io/dockerconfigjson";
    public const string ConfigType = "kubernetes.io/dockercfg";

    public static IReadOnlyList<RegistryCredential> Credentials(JsonObject secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var type = (string?)secret["type"];
        var (key, nested) = type switch
        {
            ConfigJsonType => (".dockerconfigjson", true),
            ConfigType => (".dockercfg", false),
            _ => ("", false),
        };
        if (key.Length == 0 || (string?)secret["data"]?[key] is not { Length: > 0 } data)
        {
            return [];
        }

        try
        {
            var config = JsonNode.Parse(Convert.FromBase64String(data)) as JsonObject;
            var entries = (nested ? config?["auths"] : config) as JsonObject ?? [];
            return [.. entries.Select(e => Credential(e.Key, e.Value as JsonObject)).OfType<RegistryCredential>()];
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return [];
        }
    }

    private static RegistryCredential? Credential(string registry, JsonObject? entry)
    {
        if (entry is null)
        {
            return null;
        }

        var username = (string?)entry["username"] ?? "";
        var password = (string?)entry["password"] ?? "";
        if ((string?)entry["auth"] is { Length: > 0 } auth && username.Length == 0)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            (username, password) = colon < 0 ? (pair, "") : (pair[..colon], pair[(colon + 1)..]);
        }

        var token = (string?)entry["identitytoken"] ?? (string?)entry["identityToken"];
        return username.Length == 0 && string.IsNullOrEmpty(token) ? null : new RegistryCredential(registry, username, password) { IdentityToken = token };
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Security.Authentication;

/// <summary>Compact JSON Web Tokens signed with ES256 (ECDSA P-256, SHA-256, raw r||s signature).</summary>
internal static class Jwt
{
    public static string Sign(JsonObject payload, ECDsa key, string keyId)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = keyId };
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The payload when the token is well formed, ES256 and signed by <paramref name="key"/>; else null.</summary>
    public static JsonObject? Verify(string token, ECDsa key)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || token.Length > 16 * 1024)
        {
            return null;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject;
            if (header?["alg"] is not JsonValue alg || !alg.TryGetValue<string>(out var name) || name != "ES256")
            {
                return null;
            }

            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return null;
            }

            return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or CryptographicException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Encode(JsonObject obj) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(obj.ToJsonString()));
}

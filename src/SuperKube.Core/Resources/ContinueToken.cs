using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using SuperKube.Api;

namespace SuperKube.Resources;

/// <summary>The opaque <c>continue</c> token of paginated lists: the list's revision and the last key returned.</summary>
internal static class ContinueToken
{
    public static string Encode(long revision, string ns, string name)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Token { V = "meta.k8s.io/v1", Rv = revision, Start = ns + "/" + name + "\0" }, TokenContext.Default.Token);
        return Base64Url.EncodeToString(json);
    }

    public static (long Revision, string Namespace, string Name) Decode(string token)
    {
        try
        {
            var json = Base64Url.DecodeFromChars(token);
            var parsed = JsonSerializer.Deserialize(json, TokenContext.Default.Token);
            var start = parsed?.Start ?? throw new FormatException("no start key");
            var slash = start.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !start.EndsWith('\0'))
            {
                throw new FormatException("malformed start key");
            }

            return (parsed.Rv, start[..slash], start[(slash + 1)..^1]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw ApiException.BadRequest($"continue key is not valid: {ex.Message}");
        }
    }

    internal sealed class Token
    {
        [System.Text.Json.Serialization.JsonPropertyName("v")]
        public string V { get; set; } = "";

        [System.Text.Json.Serialization.JsonPropertyName("rv")]
        public long Rv { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("start")]
        public string Start { get; set; } = "";
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ContinueToken.Token))]
internal sealed partial class TokenContext : System.Text.Json.Serialization.JsonSerializerContext;

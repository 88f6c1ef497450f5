using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of Secrets: valid keys in <c>data</c> and <c>stringData</c>, at most 1 MiB, the keys each well-known
/// type requires, an immutable type, and the <c>immutable</c> flag.
/// </summary>
internal static class SecretValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var data = JsonRead.Object(obj, "data");
        var stringData = JsonRead.Object(obj, "stringData");
        // stringData is merged into data by the server, so its keys are reported under data too.
        var errors = DataMaps.KeyErrors(data, "data").Concat(DataMaps.KeyErrors(stringData, "data")).ToList();
        if (DataMaps.Size(data, base64: true) + DataMaps.Size(stringData, base64: false) > DataMaps.MaxSize)
        {
            errors.Add(FieldError.TooLong("data", DataMaps.MaxSize));
        }

        var type = JsonRead.String(obj, "type") is { Length: > 0 } t ? t : "Opaque";
        bool Has(string key) => data?.ContainsKey(key) == true || stringData?.ContainsKey(key) == true;
        switch (type)
        {
            case "kubernetes.io/service-account-token":
                if (JsonRead.String(obj, "metadata", "annotations", "kubernetes.io/service-account.name") is not { Length: > 0 })
                {
                    errors.Add(FieldError.Required("metadata.annotations[kubernetes.io/service-account.name]"));
                }

                break;
            case "kubernetes.io/dockercfg":
                errors.AddRange(Require(Has, ".dockercfg"));
                break;
            case "kubernetes.io/dockerconfigjson":
                errors.AddRange(Require(Has, ".dockerconfigjson"));
                break;
            case "kubernetes.io/basic-auth" when !Has("username") && !Has("password"):
                errors.AddRange([FieldError.Required("data[username]"), FieldError.Required("data[password]")]);
                break;
            case "kubernetes.io/ssh-auth":
                errors.AddRange(Require(Has, "ssh-privatekey"));
                break;
            case "kubernetes.io/tls":
                errors.AddRange(Require(Has, "tls.crt", "tls.key"));
                break;
        }

        if (old is not null)
        {
            var oldType = JsonRead.String(old, "type") is { Length: > 0 } o ? o : "Opaque";
            if (oldType != type)
            {
                errors.Add(FieldError.Invalid("type", GoText.Quote(type), "field is immutable"));
            }
        }

        errors.AddRange(DataMaps.ImmutableErrors(obj, old, "data"));
        return errors;
    }

    private static IEnumerable<FieldError> Require(Func<string, bool> has, params string[] keys) =>
        keys.Where(k => !has(k)).Select(k => FieldError.Required($"data[{k}]"));
}

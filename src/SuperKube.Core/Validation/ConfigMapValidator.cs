using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Validation of ConfigMaps: valid keys, no key in both <c>data</c> and <c>binaryData</c>, at most 1 MiB.</summary>
internal static class ConfigMapValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var data = JsonRead.Object(obj, "data");
        var binary = JsonRead.Object(obj, "binaryData");
        var errors = DataMaps.KeyErrors(data, "data").Concat(DataMaps.KeyErrors(binary, "binaryData")).ToList();
        foreach (var (key, _) in data ?? [])
        {
            if (binary?.ContainsKey(key) == true)
            {
                errors.Add(FieldError.Invalid($"data[{key}]", GoText.Quote(key), "duplicate of key present in binaryData"));
                errors.Add(FieldError.Invalid($"binaryData[{key}]", GoText.Quote(key), "duplicate of key present in data"));
            }
        }

        if (DataMaps.Size(data, base64: false) + DataMaps.Size(binary, base64: true) > DataMaps.MaxSize)
        {
            errors.Add(FieldError.TooLong("", DataMaps.MaxSize));
        }

        errors.AddRange(DataMaps.ImmutableErrors(obj, old, "data", "binaryData"));
        return errors;
    }
}

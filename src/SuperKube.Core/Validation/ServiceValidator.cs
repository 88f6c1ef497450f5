using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of core/v1 Services: type, ports (required unless headless or ExternalName; numbers, names, protocols,
/// target ports), externalName, selector labels, session affinity, and a cluster IP that may not change once set.
/// </summary>
internal static class ServiceValidator
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        var name = JsonRead.String(obj, "metadata", "name") ?? "";
        if (NameRules.IsDns1123Label(name).Count == 0)
        {
            // Service names are DNS-1035 labels; the metadata check has already reported anything else.
            errors.AddRange(NameRules.IsDns1035Label(name).Select(m => FieldError.Invalid("metadata.name", GoText.Quote(name), m)));
        }

        var spec = JsonRead.Object(obj, "spec");
        var type = JsonRead.String(spec, "type") ?? "ClusterIP";
        if (!Types.Contains(type))
        {
            errors.Add(FieldError.NotSupported("spec.type", GoText.Quote(type), Types));
        }

        var clusterIp = JsonRead.String(spec, "clusterIP") ?? "";
        var ports = JsonRead.Array(spec, "ports");
        if ((ports is null || ports.Count == 0) && clusterIp != "None" && type != "ExternalName")
        {
            errors.Add(FieldError.Required("spec.ports"));
        }

        ValidatePorts(ports, type, errors);
        if (type == "ExternalName")
        {
            var externalName = JsonRead.String(spec, "externalName") ?? "";
            if (externalName.Length == 0)
            {
                errors.Add(FieldError.Required("spec.externalName"));
            }
            else
            {
                errors.AddRange(NameRules.IsDns1123Subdomain(externalName.TrimEnd('.'))
                    .Select(m => FieldError.Invalid("spec.externalName", GoText.Quote(externalName), m)));
            }
        }
        else if (clusterIp == "None" && type is "NodePort" or "LoadBalancer")
        {
            errors.Add(FieldError.Invalid("spec.clusterIPs[0]", GoText.Quote(clusterIp), $"may not be set to 'None' for {type} services"));
        }

        errors.AddRange(ObjectMetaValidator.ValidateLabels(JsonRead.Object(spec, "selector"), "spec.selector"));
        errors.AddRange(FieldChecks.OneOf(spec, "spec", "sessionAffinity", "ClientIP", "None"));
        if (old is not null)
        {
            errors.AddRange(ValidateUpdate(spec, JsonRead.Object(old, "spec")));
        }

        return errors;
    }

    private static void ValidatePorts(JsonArray? ports, string type, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var requireName = ports?.Count > 1;
        foreach (var (port, i) in JsonRead.Items(ports))
        {
            var at = $"spec.ports[{i}]";
            var name = JsonRead.String(port, "name") ?? "";
            if (name.Length == 0)
            {
                if (requireName)
                {
                    errors.Add(FieldError.Required(at + ".name"));
                }
            }
            else
            {
                errors.AddRange(NameRules.IsDns1123Label(name).Select(m => FieldError.Invalid(at + ".name", GoText.Quote(name), m)));
                if (!names.Add(name))
                {
                    errors.Add(FieldError.Duplicate(at + ".name", GoText.Quote(name)));
                }
            }

            errors.AddRange(PodSpecValidator.PortErrors(at + ".port", JsonRead.Integer(port, "port") ?? 0));
            if (JsonRead.String(port, "protocol") is { } protocol)
            {
                errors.AddRange(PodSpecValidator.ProtocolErrors(at + ".protocol", protocol));
            }

            errors.AddRange(TargetPortErrors(JsonRead.At(port, "targetPort"), at + ".targetPort"));
            if (type == "ClusterIP" && JsonRead.Integer(port, "nodePort") is { } nodePort and not 0)
            {
                errors.Add(FieldError.Forbidden(at + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
            }
        }
    }

    // An int-or-string: a port number, or the name of a container port. Absent means "same as port".
    private static IEnumerable<FieldError> TargetPortErrors(JsonNode? target, string field) => target switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => PodSpecValidator.PortErrors(field, JsonRead.Integer(target) ?? 0),
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            FormatRules.IsValidPortName(v.GetValue<string>()).Select(m => FieldError.Invalid(field, GoText.Value(v), m)),
        _ => [],
    };

    private static IEnumerable<FieldError> ValidateUpdate(JsonObject? spec, JsonObject? oldSpec)
    {
        var clusterIp = JsonRead.String(spec, "clusterIP") ?? "";
        var oldClusterIp = JsonRead.String(oldSpec, "clusterIP") ?? "";
        var externalName = JsonRead.String(spec, "type") == "ExternalName" || JsonRead.String(oldSpec, "type") == "ExternalName";
        if (!externalName && clusterIp.Length > 0 && oldClusterIp.Length > 0 && clusterIp != oldClusterIp)
        {
            var ips = JsonRead.Array(spec, "clusterIPs")?.Select(n => JsonRead.Scalar(n) ?? "") ?? [clusterIp];
            yield return FieldError.Invalid("spec.clusterIPs[0]", GoText.StringSlice(ips), "may not change once set");
        }
    }
}

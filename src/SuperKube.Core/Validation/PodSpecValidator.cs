using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of a pod spec wherever it appears (pods, and pod templates under a field prefix such as
/// <c>spec.template.spec</c>): containers, ports, environment, volumes and restart policy, with the real server's
/// messages. Fields the defaulter fills (protocol, restartPolicy) may be absent.
/// </summary>
internal static class PodSpecValidator
{
    public static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <summary>Validates a pod template: its labels and annotations, then its spec.</summary>
    public static IEnumerable<FieldError> ValidateTemplate(JsonObject? template, string path)
    {
        if (template is null)
        {
            return [FieldError.Required(path)];
        }

        var metadata = JsonRead.Object(template, "metadata");
        return ObjectMetaValidator.ValidateLabels(JsonRead.Object(metadata, "labels"), path + ".metadata.labels")
            .Concat(ObjectMetaValidator.ValidateAnnotations(JsonRead.Object(metadata, "annotations"), path + ".metadata.annotations"))
            .Concat(Validate(JsonRead.Object(template, "spec"), path + ".spec"));
    }

    public static List<FieldError> Validate(JsonObject? spec, string path)
    {
        var errors = new List<FieldError>();
        var containers = JsonRead.Array(spec, "containers");
        if (containers is null || containers.Count == 0)
        {
            errors.Add(FieldError.Required(path + ".containers"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        ValidateContainers(containers, path + ".containers", names, errors);
        ValidateContainers(JsonRead.Array(spec, "initContainers"), path + ".initContainers", names, errors);
        ValidateVolumes(JsonRead.Array(spec, "volumes"), path + ".volumes", errors);
        if (JsonRead.String(spec, "restartPolicy") is { } policy)
        {
            if (policy.Length == 0)
            {
                errors.Add(FieldError.Required(path + ".restartPolicy"));
            }
            else if (!RestartPolicies.Contains(policy))
            {
                errors.Add(FieldError.NotSupported(path + ".restartPolicy", GoText.Quote(policy), RestartPolicies));
            }
        }

        return errors;
    }

    // Container names are unique across containers and init containers.
    private static void ValidateContainers(JsonArray? containers, string path, HashSet<string> names, List<FieldError> errors)
    {
        foreach (var (container, i) in JsonRead.Items(containers))
        {
            var at = $"{path}[{i}]";
            var name = JsonRead.String(container, "name") ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(at + ".name"));
            }
            else
            {
                errors.AddRange(NameRules.IsDns1123Label(name).Select(m => FieldError.Invalid(at + ".name", GoText.Quote(name), m)));
                if (!names.Add(name))
                {
                    errors.Add(FieldError.Duplicate(at + ".name", GoText.Quote(name)));
                }
            }

            var image = JsonRead.String(container, "image") ?? "";
            if (image.Length == 0)
            {
                errors.Add(FieldError.Required(at + ".image"));
            }
            else if (image.Trim().Length != image.Length)
            {
                errors.Add(FieldError.Invalid(at + ".image", GoText.Quote(image), "must not have leading or trailing whitespace"));
            }

            if (JsonRead.String(container, "imagePullPolicy") is { } pull && !PullPolicies.Contains(pull))
            {
                errors.Add(FieldError.NotSupported(at + ".imagePullPolicy", GoText.Quote(pull), PullPolicies));
            }

            ValidatePorts(JsonRead.Array(container, "ports"), at + ".ports", errors);
            ValidateEnv(JsonRead.Array(container, "env"), at + ".env", errors);
        }
    }

    private static void ValidatePorts(JsonArray? ports, string path, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (port, i) in JsonRead.Items(ports))
        {
            var at = $"{path}[{i}]";
            if (JsonRead.String(port, "name") is { Length: > 0 } name)
            {
                var messages = FormatRules.IsValidPortName(name);
                errors.AddRange(messages.Select(m => FieldError.Invalid(at + ".name", GoText.Quote(name), m)));
                if (messages.Count == 0 && !names.Add(name))
                {
                    errors.Add(FieldError.Duplicate(at + ".name", GoText.Quote(name)));
                }
            }

            var containerPort = JsonRead.Integer(port, "containerPort") ?? 0;
            if (containerPort == 0)
            {
                errors.Add(FieldError.Required(at + ".containerPort"));
            }
            else
            {
                errors.AddRange(PortErrors(at + ".containerPort", containerPort));
            }

            if (JsonRead.Integer(port, "hostPort") is { } hostPort and not 0)
            {
                errors.AddRange(PortErrors(at + ".hostPort", hostPort));
            }

            if (JsonRead.String(port, "protocol") is { } protocol)
            {
                errors.AddRange(ProtocolErrors(at + ".protocol", protocol));
            }
        }
    }

    private static void ValidateEnv(JsonArray? env, string path, List<FieldError> errors)
    {
        foreach (var (item, i) in JsonRead.Items(env))
        {
            var at = $"{path}[{i}].name";
            var name = JsonRead.String(item, "name") ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(at));
            }

            // RelaxedEnvironmentVariableValidation is on by default in 1.32.
            errors.AddRange(FormatRules.IsRelaxedEnvVarName(name).Select(m => FieldError.Invalid(at, GoText.Quote(name), m)));
        }
    }

    private static void ValidateVolumes(JsonArray? volumes, string path, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (volume, i) in JsonRead.Items(volumes))
        {
            var at = $"{path}[{i}].name";
            var name = JsonRead.String(volume, "name") ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(at));
                continue;
            }

            errors.AddRange(NameRules.IsDns1123Label(name).Select(m => FieldError.Invalid(at, GoText.Quote(name), m)));
            if (!names.Add(name))
            {
                errors.Add(FieldError.Duplicate(at, GoText.Quote(name)));
            }
        }
    }

    /// <summary>Port number errors (1..65535) for a field.</summary>
    public static IEnumerable<FieldError> PortErrors(string field, long port) =>
        FormatRules.IsValidPortNum(port).Select(m => FieldError.Invalid(field, port.ToString(System.Globalization.CultureInfo.InvariantCulture), m));

    /// <summary>Protocol errors: empty is required, otherwise TCP, UDP or SCTP.</summary>
    public static IEnumerable<FieldError> ProtocolErrors(string field, string protocol) =>
        protocol.Length == 0 ? [FieldError.Required(field)]
        : Protocols.Contains(protocol) ? []
        : [FieldError.NotSupported(field, GoText.Quote(protocol), Protocols)];
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Streaming.Remote;

namespace SuperKube.Runtime.Agent;

/// <summary>The Node object a node agent registers and the status it reports, as a kubelet v1.32 would.</summary>
internal static class NodeObject
{
    public const string KubeletVersion = "v1.32.4";

    public static JsonObject Build(NodeAgentOptions options, string podCidr, string address, DaemonEndpoint endpoint, string runtimeVersion, DateTimeOffset now) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = options.NodeName,
            ["labels"] = Labels(options),
            ["annotations"] = new JsonObject
            {
                ["node.alpha.kubernetes.io/ttl"] = "0",
                ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                [NodeStreaming.CertificateAnnotation] = endpoint.CertificateSha256,
            },
        },
        ["spec"] = new JsonObject { ["podCIDR"] = podCidr, ["podCIDRs"] = new JsonArray(podCidr) },
        ["status"] = Status(options, address, endpoint, runtimeVersion, now, null),
    };

    /// <summary>The metadata a restarted agent merges into its existing Node: labels, and the streaming certificate pin (removed when null).</summary>
    public static JsonObject MetadataPatch(NodeAgentOptions options, DaemonEndpoint endpoint) => new()
    {
        ["labels"] = Labels(options),
        ["annotations"] = new JsonObject { [NodeStreaming.CertificateAnnotation] = endpoint.CertificateSha256 },
    };

    public static JsonObject Labels(NodeAgentOptions options)
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var labels = new JsonObject
        {
            ["beta.kubernetes.io/arch"] = Architecture(),
            ["beta.kubernetes.io/os"] = os,
            ["kubernetes.io/arch"] = Architecture(),
            ["kubernetes.io/hostname"] = options.NodeName,
            ["kubernetes.io/os"] = os,
        };
        if (options.ControlPlane)
        {
            labels["node-role.kubernetes.io/control-plane"] = "";
        }

        if (options.Zone is { Length: > 0 } zone)
        {
            labels["topology.kubernetes.io/zone"] = zone;
        }

        foreach (var (key, value) in options.Labels)
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>The node status; conditions keep their lastTransitionTime from <paramref name="previous"/> while unchanged.</summary>
    public static JsonObject Status(NodeAgentOptions options, string address, DaemonEndpoint endpoint, string runtimeVersion, DateTimeOffset now, JsonObject? previous)
    {
        var resources = new JsonObject
        {
            ["cpu"] = options.Cpu,
            ["ephemeral-storage"] = options.EphemeralStorage,
            ["hugepages-1Gi"] = "0",
            ["hugepages-2Mi"] = "0",
            ["memory"] = options.Memory,
            ["pods"] = options.MaxPods.ToString(CultureInfo.InvariantCulture),
        };
        return new JsonObject
        {
            ["capacity"] = resources,
            ["allocatable"] = resources.DeepClone(),
            ["conditions"] = new JsonArray(
                Condition(previous, "MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                Condition(previous, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                Condition(previous, "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                Condition(previous, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now)),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = address },
                new JsonObject { ["type"] = "Hostname", ["address"] = options.NodeName }),
            ["daemonEndpoints"] = new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = endpoint.Port } },
            ["nodeInfo"] = new JsonObject
            {
                ["machineID"] = Id(options.NodeName, "machine"),
                ["systemUUID"] = Id(options.NodeName, "system"),
                ["bootID"] = Id(options.NodeName, "boot"),
                ["kernelVersion"] = KernelVersion(),
                ["osImage"] = RuntimeInformation.OSDescription,
                ["containerRuntimeVersion"] = runtimeVersion,
                ["kubeletVersion"] = KubeletVersion,
                ["kubeProxyVersion"] = "",
                ["operatingSystem"] = OperatingSystem.IsWindows() ? "windows" : "linux",
                ["architecture"] = Architecture(),
            },
        };
    }

    private static JsonObject Condition(JsonObject? previous, string type, string status, string reason, string message, DateTimeOffset now)
    {
        var old = (previous?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        var transition = old is not null && (string?)old["status"] == status && old["lastTransitionTime"] is { } t ? t.DeepClone() : ObjectMetadata.Timestamp(now);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastHeartbeatTime"] = ObjectMetadata.Timestamp(now),
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static string KernelVersion()
    {
        const string release = "/proc/sys/kernel/osrelease";
        try
        {
            return File.Exists(release) ? File.ReadAllText(release).Trim() : Environment.OSVersion.Version.ToString();
        }
        catch (IOException)
        {
            return Environment.OSVersion.Version.ToString();
        }
    }

    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        _ => "amd64",
    };

    private static string Id(string node, string kind) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(node + "/" + kind)))[..32];
}

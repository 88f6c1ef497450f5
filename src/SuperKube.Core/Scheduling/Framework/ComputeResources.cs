using SuperKube.Defaulting;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// An amount of compute resources in scheduler units: CPU in millicores, memory and storage in bytes, pods as a
/// count, other (extended) resources as integers.
/// </summary>
public sealed class ComputeResources
{
    private static readonly Dictionary<string, long> NoScalars = [];
    private Dictionary<string, long>? _scalars;

    public long MilliCpu { get; internal set; }

    public long Memory { get; internal set; }

    public long EphemeralStorage { get; internal set; }

    public long Pods { get; internal set; }

    /// <summary>Extended resources (<c>nvidia.com/gpu</c>, <c>hugepages-2Mi</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> Scalars => _scalars ?? NoScalars;

    /// <summary>The amount of a resource by its Kubernetes name (<c>cpu</c> in millicores).</summary>
    public long Get(string resource) => resource switch
    {
        "cpu" => MilliCpu,
        "memory" => Memory,
        "ephemeral-storage" => EphemeralStorage,
        "pods" => Pods,
        _ => _scalars is not null && _scalars.TryGetValue(resource, out var v) ? v : 0,
    };

    internal void Set(string resource, long value)
    {
        switch (resource)
        {
            case "cpu": MilliCpu = value; break;
            case "memory": Memory = value; break;
            case "ephemeral-storage": EphemeralStorage = value; break;
            case "pods": Pods = value; break;
            default:
                _scalars ??= new Dictionary<string, long>(StringComparer.Ordinal);
                _scalars[resource] = value;
                break;
        }
    }

    internal void Add(ComputeResources other, long sign = 1)
    {
        MilliCpu += sign * other.MilliCpu;
        Memory += sign * other.Memory;
        EphemeralStorage += sign * other.EphemeralStorage;
        Pods += sign * other.Pods;
        if (other._scalars is not null)
        {
            foreach (var (key, value) in other._scalars)
            {
                Set(key, Get(key) + (sign * value));
            }
        }
    }

    /// <summary>Raises each resource to at least the other's amount.</summary>
    internal void Max(ComputeResources other)
    {
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        Pods = Math.Max(Pods, other.Pods);
        if (other._scalars is not null)
        {
            foreach (var (key, value) in other._scalars)
            {
                Set(key, Math.Max(Get(key), value));
            }
        }
    }

    internal ComputeResources Clone()
    {
        var copy = new ComputeResources { MilliCpu = MilliCpu, Memory = Memory, EphemeralStorage = EphemeralStorage, Pods = Pods };
        if (_scalars is not null)
        {
            copy._scalars = new Dictionary<string, long>(_scalars, StringComparer.Ordinal);
        }

        return copy;
    }

    /// <summary>Parses a resource list (<c>{"cpu":"500m","memory":"1Gi"}</c>); unparsable quantities count as 0.</summary>
    internal static ComputeResources From(IDictionary<string, string>? quantities)
    {
        var result = new ComputeResources();
        if (quantities is null)
        {
            return result;
        }

        foreach (var (name, text) in quantities)
        {
            result.Set(name, Parse(name, text));
        }

        return result;
    }

    internal static long Parse(string resource, string? text)
    {
        if (!ResourceQuantity.TryParse(text, out var value))
        {
            return 0;
        }

        var scaled = resource == "cpu" ? value * 1000 : value;
        return scaled >= long.MaxValue ? long.MaxValue : (long)decimal.Ceiling(scaled);
    }

    public override string ToString() => $"cpu={MilliCpu}m memory={Memory} pods={Pods}";
}

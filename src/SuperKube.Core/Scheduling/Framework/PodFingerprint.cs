using System.Text;
using System.Text.Json;
using SuperKube.Hashing;
using SuperKube.Model;
using SuperKube.Model.Core;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// A 64-bit FNV-1a hash of a pod's spec (as JSON), labels and annotations: equal for pods that differ only in status
/// or bookkeeping. A collision can only cost a missed re-queue of an unschedulable pod on a spec change.
/// </summary>
internal static class PodFingerprint
{
    public static ulong Of(Pod pod)
    {
        var hash = Fnv1a.Offset64;
        hash = Add(hash, JsonSerializer.SerializeToUtf8Bytes(pod.Spec ?? new PodSpec(), ModelTypeInfo.For<PodSpec>()));
        hash = Add(hash, pod.Metadata?.Labels);
        return Add(hash, pod.Metadata?.Annotations);
    }

    private static ulong Add(ulong hash, IDictionary<string, string>? map)
    {
        foreach (var (key, value) in (map ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            hash = Add(Add(hash, Encoding.UTF8.GetBytes(key)), Encoding.UTF8.GetBytes(value));
        }

        return Add(hash, []);
    }

    /// <summary>The bytes and a separator, so moving bytes between the parts changes the hash.</summary>
    private static ulong Add(ulong hash, ReadOnlySpan<byte> bytes) => Fnv1a.Add(Fnv1a.Add(hash, bytes), 0xfful);
}

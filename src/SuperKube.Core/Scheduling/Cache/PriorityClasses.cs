using System.Collections.Concurrent;
using SuperKube.Model.Core;

namespace SuperKube.Scheduling.Cache;

/// <summary>
/// PriorityClass values by name, to resolve a pod's priority when the server did not fill in spec.priority.
/// Read by the watch threads that convert pods, written by the PriorityClass watch.
/// </summary>
internal sealed class PriorityClasses
{
    private readonly ConcurrentDictionary<string, (int Value, bool GlobalDefault)> _classes = new(StringComparer.Ordinal);

    public void Set(string name, int value, bool globalDefault) => _classes[name] = (value, globalDefault);

    public void Remove(string name) => _classes.TryRemove(name, out _);

    public void Clear() => _classes.Clear();

    /// <summary>spec.priority, else the named class's value, else the global default class's value, else 0.</summary>
    public int Resolve(PodSpec? spec)
    {
        if (spec?.Priority is { } priority)
        {
            return priority;
        }

        if (spec?.PriorityClassName is { Length: > 0 } name && _classes.TryGetValue(name, out var named))
        {
            return named.Value;
        }

        foreach (var (_, (value, globalDefault)) in _classes)
        {
            if (globalDefault)
            {
                return value;
            }
        }

        return 0;
    }
}

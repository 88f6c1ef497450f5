using System.Collections.Concurrent;
using System.Diagnostics;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Benchmarks;

/// <summary>
/// Records, per pod, when its (last) scheduling attempt started (PreFilter) and when its binding succeeded
/// (PostBind): the span upstream's scheduling attempt duration measures.
/// </summary>
internal sealed class BindRecorder : IPreFilterPlugin, IPostBindPlugin
{
    private readonly ConcurrentDictionary<string, long> _started = new(StringComparer.Ordinal);
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;

    public string Name => "BenchmarkBindRecorder";

    public ConcurrentDictionary<string, (long Started, long Bound)> Bound { get; } = new(StringComparer.Ordinal);

    public Task AllBound => _all.Task;

    public void Expect(int pods)
    {
        Bound.Clear();
        _expected = pods;
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public SchedulingStatus PreFilter(CycleState state, PodInfo pod)
    {
        _started[pod.Uid] = Stopwatch.GetTimestamp();
        return SchedulingStatus.Skip;
    }

    public void PostBind(CycleState state, PodInfo pod, string nodeName)
    {
        var started = _started.TryGetValue(pod.Uid, out var s) ? s : Stopwatch.GetTimestamp();
        if (Bound.TryAdd(pod.Name, (started, Stopwatch.GetTimestamp())) && Bound.Count >= _expected)
        {
            _all.TrySetResult();
        }
    }
}

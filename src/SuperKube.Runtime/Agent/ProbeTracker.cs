using SuperKube.Model.Core;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// One probe of one container: when it is next due and its consecutive results, turned into a verdict by the
/// probe's success and failure thresholds (defaults 1 and 3, period 10 s).
/// </summary>
internal sealed class ProbeTracker(Probe probe)
{
    private int _successes;
    private int _failures;

    public Probe Probe { get; } = probe;

    public DateTimeOffset NextDue { get; private set; }

    /// <summary>True after enough successes, false after enough failures, null before either.</summary>
    public bool? Passing { get; private set; }

    /// <summary>Restarts tracking for a container that started at <paramref name="startedAt"/>.</summary>
    public void Reset(DateTimeOffset startedAt)
    {
        NextDue = startedAt + TimeSpan.FromSeconds(Math.Max(Probe.InitialDelaySeconds ?? 0, 0));
        _successes = 0;
        _failures = 0;
        Passing = null;
    }

    public bool IsDue(DateTimeOffset now) => now >= NextDue;

    public void Record(bool success, DateTimeOffset now)
    {
        NextDue = now + TimeSpan.FromSeconds(Math.Max(Probe.PeriodSeconds ?? 10, 1));
        if (success)
        {
            _failures = 0;
            if (++_successes >= Math.Max(Probe.SuccessThreshold ?? 1, 1))
            {
                Passing = true;
            }
        }
        else
        {
            _successes = 0;
            if (++_failures >= Math.Max(Probe.FailureThreshold ?? 3, 1))
            {
                Passing = false;
            }
        }
    }
}

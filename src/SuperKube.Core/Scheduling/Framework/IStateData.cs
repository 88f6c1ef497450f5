namespace SuperKube.Scheduling.Framework;

/// <summary>Data a plugin keeps in the <see cref="CycleState"/>; cloned when preemption simulates removing pods.</summary>
public interface IStateData
{
    IStateData Clone();
}

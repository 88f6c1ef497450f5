namespace SuperKube.Scheduling.Framework;

/// <summary>
/// A scheduler plugin. A plugin implements one or more extension-point interfaces (<see cref="IFilterPlugin"/>,
/// <see cref="IScorePlugin"/>, ...) and is added with <c>AddSchedulerPlugin&lt;T&gt;()</c>; built-in plugins are
/// added the same way. One instance serves every profile.
/// </summary>
public interface ISchedulerPlugin
{
    /// <summary>The unique name used in profiles (enable, disable, weight) and for plugin options.</summary>
    string Name { get; }
}

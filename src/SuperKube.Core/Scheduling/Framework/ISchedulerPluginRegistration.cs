namespace SuperKube.Scheduling.Framework;

/// <summary>One <c>AddSchedulerPlugin&lt;T&gt;()</c> call, in registration order.</summary>
internal interface ISchedulerPluginRegistration
{
    Type PluginType { get; }
}

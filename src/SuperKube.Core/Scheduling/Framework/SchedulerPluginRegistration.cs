using System.Diagnostics.CodeAnalysis;

namespace SuperKube.Scheduling.Framework;

/// <summary>The registration of plugin type <typeparamref name="T"/>; generic so that adding it twice is a no-op.</summary>
internal sealed class SchedulerPluginRegistration<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>
    : ISchedulerPluginRegistration
    where T : class, ISchedulerPlugin
{
    public Type PluginType => typeof(T);
}

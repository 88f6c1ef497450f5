namespace SuperKube.Scheduling.Plugins;

/// <summary>The names of the built-in plugins, as used in profiles and for plugin options.</summary>
public static class PluginNames
{
    public const string PrioritySort = "PrioritySort";
    public const string SchedulingGates = "SchedulingGates";
    public const string NodeUnschedulable = "NodeUnschedulable";
    public const string NodeName = "NodeName";
    public const string TaintToleration = "TaintToleration";
    public const string NodeAffinity = "NodeAffinity";
    public const string NodePorts = "NodePorts";
    public const string NodeResourcesFit = "NodeResourcesFit";
    public const string PodTopologySpread = "PodTopologySpread";
    public const string InterPodAffinity = "InterPodAffinity";
    public const string DefaultPreemption = "DefaultPreemption";
    public const string NodeResourcesBalancedAllocation = "NodeResourcesBalancedAllocation";
    public const string ImageLocality = "ImageLocality";
    public const string DefaultBinder = "DefaultBinder";
}

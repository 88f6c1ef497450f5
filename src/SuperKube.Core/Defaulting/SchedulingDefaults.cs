using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of scheduling.k8s.io/v1 PriorityClass.</summary>
internal static class SchedulingDefaults
{
    public static void PriorityClass(JsonObject priorityClass) =>
        SetIfMissing(priorityClass, "preemptionPolicy", "PreemptLowerPriority");
}

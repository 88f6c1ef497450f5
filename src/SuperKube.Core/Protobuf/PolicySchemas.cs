using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>policy/v1 PodDisruptionBudget, scheduling.k8s.io/v1 PriorityClass and autoscaling/v1 HorizontalPodAutoscaler.</summary>
internal static class PolicySchemas
{
    public static void Register(ProtoSchemaBuilder b) => b
        .Kind("policy/v1", "PodDisruptionBudget").Kind("scheduling.k8s.io/v1", "PriorityClass")
        .Kind("autoscaling/v1", "HorizontalPodAutoscaler")
        .Message("PodDisruptionBudget", m => m
            .Message(1, "metadata", "ObjectMeta").Message(2, "spec", "PodDisruptionBudgetSpec").Message(3, "status", "PodDisruptionBudgetStatus"))
        .Message("PodDisruptionBudgetSpec", m => m
            .IntOrString(1, "minAvailable").Message(2, "selector", "LabelSelector").IntOrString(3, "maxUnavailable")
            .String(4, "unhealthyPodEvictionPolicy", Keep))
        .Message("PodDisruptionBudgetStatus", m => m
            .Int64(1, "observedGeneration").Map(2, "disruptedPods", ProtoKind.Time).Int32(3, "disruptionsAllowed", Keep)
            .Int32(4, "currentHealthy", Keep).Int32(5, "desiredHealthy", Keep).Int32(6, "expectedPods", Keep)
            .Messages(7, "conditions", "Condition"))
        .Message("PriorityClass", m => m
            .Message(1, "metadata", "ObjectMeta").Int32(2, "value", Keep).Bool(3, "globalDefault").String(4, "description")
            .String(5, "preemptionPolicy", Keep))
        .Message("HorizontalPodAutoscaler", m => m
            .Message(1, "metadata", "ObjectMeta").Message(2, "spec", "HorizontalPodAutoscalerSpec")
            .Message(3, "status", "HorizontalPodAutoscalerStatus"))
        .Message("HorizontalPodAutoscalerSpec", m => m
            .Message(1, "scaleTargetRef", "CrossVersionObjectReference").Int32(2, "minReplicas", Keep)
            .Int32(3, "maxReplicas", Keep).Int32(4, "targetCPUUtilizationPercentage", Keep))
        .Message("CrossVersionObjectReference", m => m.String(1, "kind", Keep).String(2, "name", Keep).String(3, "apiVersion"))
        .Message("HorizontalPodAutoscalerStatus", m => m
            .Int64(1, "observedGeneration", Keep).Time(2, "lastScaleTime").Int32(3, "currentReplicas", Keep)
            .Int32(4, "desiredReplicas", Keep).Int32(5, "currentCPUUtilizationPercentage", Keep));
}

using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>apps/v1 Deployment and batch/v1 Job and CronJob.</summary>
internal static class WorkloadSchemas
{
    public static void Register(ProtoSchemaBuilder b) => b
        .Kind("apps/v1", "Deployment").Kind("batch/v1", "Job").Kind("batch/v1", "CronJob")
        .Message("Deployment", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "DeploymentSpec").Message(3, "status", "DeploymentStatus"))
        .Message("DeploymentSpec", m => m
            .Int32(1, "replicas", Keep).Message(2, "selector", "LabelSelector").Message(3, "template", "PodTemplateSpec")
            .Message(4, "strategy", "DeploymentStrategy").Int32(5, "minReadySeconds").Int32(6, "revisionHistoryLimit", Keep)
            .Bool(7, "paused").Int32(9, "progressDeadlineSeconds", Keep))
        .Message("DeploymentStrategy", m => m.String(1, "type").Message(2, "rollingUpdate", "RollingUpdateDeployment"))
        .Message("RollingUpdateDeployment", m => m.IntOrString(1, "maxUnavailable").IntOrString(2, "maxSurge"))
        .Message("DeploymentStatus", m => m
            .Int64(1, "observedGeneration").Int32(2, "replicas").Int32(3, "updatedReplicas").Int32(7, "readyReplicas")
            .Int32(4, "availableReplicas").Int32(5, "unavailableReplicas").Int32(9, "terminatingReplicas", Keep)
            .Messages(6, "conditions", "DeploymentCondition").Int32(8, "collisionCount", Keep))
        .Message("DeploymentCondition", m => m
            .String(1, "type", Keep).String(2, "status", Keep).Time(6, "lastUpdateTime").Time(7, "lastTransitionTime")
            .String(4, "reason").String(5, "message"))
        .Message("Job", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "JobSpec").Message(3, "status", "JobStatus"))
        .Message("JobSpec", m => m
            .Int32(1, "parallelism", Keep).Int32(2, "completions", Keep).Int64(3, "activeDeadlineSeconds", Keep)
            .Message(11, "podFailurePolicy", "PodFailurePolicy").Message(16, "successPolicy", "SuccessPolicy")
            .Int32(7, "backoffLimit", Keep).Int32(12, "backoffLimitPerIndex", Keep).Int32(13, "maxFailedIndexes", Keep)
            .Message(4, "selector", "LabelSelector").Bool(5, "manualSelector", Keep).Message(6, "template", "PodTemplateSpec")
            .Int32(8, "ttlSecondsAfterFinished", Keep).String(9, "completionMode", Keep).Bool(10, "suspend", Keep)
            .String(14, "podReplacementPolicy", Keep).String(15, "managedBy", Keep))
        .Message("PodFailurePolicy", m => m.Messages(1, "rules", "PodFailurePolicyRule"))
        .Message("PodFailurePolicyRule", m => m
            .String(1, "action", Keep).Message(2, "onExitCodes", "PodFailurePolicyOnExitCodesRequirement")
            .Messages(3, "onPodConditions", "PodFailurePolicyOnPodConditionsPattern"))
        .Message("PodFailurePolicyOnExitCodesRequirement", m => m.String(1, "containerName", Keep).String(2, "operator", Keep).Int32s(3, "values"))
        .Message("PodFailurePolicyOnPodConditionsPattern", m => m.String(1, "type", Keep).String(2, "status"))
        .Message("SuccessPolicy", m => m.Messages(1, "rules", "SuccessPolicyRule"))
        .Message("SuccessPolicyRule", m => m.String(1, "succeededIndexes", Keep).Int32(2, "succeededCount", Keep))
        .Message("JobStatus", m => m
            .Messages(1, "conditions", "JobCondition").Time(2, "startTime").Time(3, "completionTime").Int32(4, "active")
            .Int32(5, "succeeded").Int32(6, "failed").Int32(11, "terminating", Keep).String(7, "completedIndexes")
            .String(10, "failedIndexes", Keep).Message(8, "uncountedTerminatedPods", "UncountedTerminatedPods").Int32(9, "ready", Keep))
        .Message("JobCondition", m => m
            .String(1, "type", Keep).String(2, "status", Keep).Time(3, "lastProbeTime").Time(4, "lastTransitionTime")
            .String(5, "reason").String(6, "message"))
        .Message("UncountedTerminatedPods", m => m.Strings(1, "succeeded").Strings(2, "failed"))
        .Message("CronJob", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "CronJobSpec").Message(3, "status", "CronJobStatus"))
        .Message("CronJobSpec", m => m
            .String(1, "schedule", Keep).String(8, "timeZone", Keep).Int64(2, "startingDeadlineSeconds", Keep)
            .String(3, "concurrencyPolicy").Bool(4, "suspend", Keep).Message(5, "jobTemplate", "JobTemplateSpec")
            .Int32(6, "successfulJobsHistoryLimit", Keep).Int32(7, "failedJobsHistoryLimit", Keep))
        .Message("JobTemplateSpec", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "JobSpec"))
        .Message("CronJobStatus", m => m
            .Messages(1, "active", "ObjectReference").Time(4, "lastScheduleTime").Time(5, "lastSuccessfulTime"));
}

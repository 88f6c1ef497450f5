using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Batch;

[Description("The desired behaviour of a job.")]
public sealed class JobSpec
{
    [Description("Most pods running at once.")]
    public int? Parallelism { get; set; }

    [Description("Successful pods needed to finish.")]
    public int? Completions { get; set; }

    [Description("Seconds the job may run before it is failed.")]
    public long? ActiveDeadlineSeconds { get; set; }

    [Description("Retries before the job is failed.")]
    public int? BackoffLimit { get; set; }

    [Description("Retries per index for indexed jobs.")]
    public int? BackoffLimitPerIndex { get; set; }

    [Description("Failed indexes allowed before the job fails.")]
    public int? MaxFailedIndexes { get; set; }

    [Description("Labels of the pods the job manages.")]
    public LabelSelector? Selector { get; set; }

    [Description("Use the given selector instead of a generated one.")]
    public bool? ManualSelector { get; set; }

    [Description("Template of the pods to run.")]
    public PodTemplateSpec? Template { get; set; }

    [Description("Seconds after finishing before the job is deleted.")]
    public int? TtlSecondsAfterFinished { get; set; }

    [Description("NonIndexed or Indexed.")]
    public string? CompletionMode { get; set; }

    [Description("Stop creating pods and delete the running ones.")]
    public bool? Suspend { get; set; }

    [Description("When failed pods are replaced: TerminatingOrFailed or Failed.")]
    public string? PodReplacementPolicy { get; set; }

    [Description("Controller that manages the job.")]
    public string? ManagedBy { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

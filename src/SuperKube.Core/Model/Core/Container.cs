using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A single container within a pod.")]
public sealed class Container
{
    [Description("Name of the container, unique within the pod.")]
    public string? Name { get; set; }

    [Description("Container image to run.")]
    public string? Image { get; set; }

    [Description("Entrypoint that replaces the image's; not run in a shell.")]
    [ListType("atomic")]
    public IList<string>? Command { get; set; }

    [Description("Arguments that replace the image's default arguments.")]
    [ListType("atomic")]
    public IList<string>? Args { get; set; }

    [Description("Working directory of the process.")]
    public string? WorkingDir { get; set; }

    [Description("Ports the container exposes; informational.")]
    [PatchMergeKey("containerPort")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("containerPort", "protocol")]
    public IList<ContainerPort>? Ports { get; set; }

    [Description("Sources whose keys all become environment variables.")]
    [ListType("atomic")]
    public IList<EnvFromSource>? EnvFrom { get; set; }

    [Description("Environment variables of the container.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<EnvVar>? Env { get; set; }

    [Description("Compute resources the container requests and is limited to.")]
    public ResourceRequirements? Resources { get; set; }

    [Description("Restart behaviour of an init container; Always turns it into a sidecar.")]
    public string? RestartPolicy { get; set; }

    [Description("Volumes mounted into the container's filesystem.")]
    [PatchMergeKey("mountPath")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("mountPath")]
    public IList<VolumeMount>? VolumeMounts { get; set; }

    [Description("Block volumes exposed to the container as devices.")]
    [PatchMergeKey("devicePath")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("devicePath")]
    public IList<VolumeDevice>? VolumeDevices { get; set; }

    [Description("Periodic check that restarts the container when it fails.")]
    public Probe? LivenessProbe { get; set; }

    [Description("Periodic check that removes the pod from service endpoints while it fails.")]
    public Probe? ReadinessProbe { get; set; }

    [Description("Check that must succeed once before the other probes start.")]
    public Probe? StartupProbe { get; set; }

    [Description("Actions run right after the container starts and right before it stops.")]
    public Lifecycle? Lifecycle { get; set; }

    [Description("File the container writes its termination message to.")]
    public string? TerminationMessagePath { get; set; }

    [Description("Where the termination message comes from: File or FallbackToLogsOnError.")]
    public string? TerminationMessagePolicy { get; set; }

    [Description("When the image is pulled: Always, Never or IfNotPresent.")]
    public string? ImagePullPolicy { get; set; }

    [Description("Security settings of this container.")]
    public SecurityContext? SecurityContext { get; set; }

    [Description("Keep a stdin buffer open for the container.")]
    public bool? Stdin { get; set; }

    [Description("Close stdin after the first attach session ends.")]
    public bool? StdinOnce { get; set; }

    [Description("Allocate a terminal for the container.")]
    public bool? Tty { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

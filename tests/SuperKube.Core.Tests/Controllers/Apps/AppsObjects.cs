using SuperKube.Model;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Apps.Tests;

/// <summary>Small builders of deployments, ReplicaSets and pods for the decision tests.</summary>
internal static class AppsObjects
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Deployment Deployment(int replicas, IntOrString? maxSurge = null, IntOrString? maxUnavailable = null, string strategy = "RollingUpdate") => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "ns", Uid = "d-uid", Generation = 1 },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
            Template = Template("nginx:1"),
            Strategy = new DeploymentStrategy
            {
                Type = strategy,
                RollingUpdate = strategy == "RollingUpdate"
                    ? new RollingUpdateDeployment { MaxSurge = maxSurge ?? new IntOrString("25%"), MaxUnavailable = maxUnavailable ?? new IntOrString("25%") }
                    : null,
            },
            ProgressDeadlineSeconds = 600,
            RevisionHistoryLimit = 10,
        },
    };

    public static PodTemplateSpec Template(string image) => new()
    {
        Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = image }] },
    };

    public static ReplicaSet Set(string name, int replicas, int available = 0, int minutesOld = 0, string image = "nginx:1", int? maxReplicas = null, long revision = 0)
    {
        var annotations = new Dictionary<string, string>();
        if (maxReplicas is { } max)
        {
            annotations[DeploymentAnnotations.MaxReplicas] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (revision > 0)
        {
            annotations[DeploymentAnnotations.Revision] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = name, Namespace = "ns", Uid = name + "-uid", CreationTimestamp = T0.AddMinutes(-minutesOld), Annotations = annotations,
            },
            Spec = new ReplicaSetSpec { Replicas = replicas, Template = Template(image) },
            Status = new ReplicaSetStatus { Replicas = replicas, ReadyReplicas = available, AvailableReplicas = available },
        };
    }

    public static Pod Pod(string name, string? node = null, string phase = "Running", bool ready = true, int minutesOld = 0, int restarts = 0, DateTimeOffset? readySince = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "ns", CreationTimestamp = T0.AddMinutes(-minutesOld), Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new PodSpec { NodeName = node },
        Status = new PodStatus
        {
            Phase = phase,
            Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False", LastTransitionTime = readySince ?? T0.AddMinutes(-minutesOld) }],
            ContainerStatuses = [new ContainerStatus { Name = "c", RestartCount = restarts }],
        },
    };
}

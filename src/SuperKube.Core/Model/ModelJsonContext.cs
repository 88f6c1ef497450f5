using System.Text.Json.Serialization;
using SuperKube.Model.Apps;
using SuperKube.Model.Autoscaling;
using SuperKube.Model.Batch;
using SuperKube.Model.Coordination;
using SuperKube.Model.Core;
using SuperKube.Model.Discovery;
using SuperKube.Model.Meta;
using SuperKube.Model.Policy;
using SuperKube.Model.Rbac;
using SuperKube.Model.Scheduling;

namespace SuperKube.Model;

/// <summary>Source-generated System.Text.Json metadata for the model types (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimeJsonConverter), typeof(SharedStringJsonConverter)])]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(ResourceQuota))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(Endpoints))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(ServiceAccount))]
[JsonSerializable(typeof(PersistentVolumeClaim))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ReplicaSet))]
[JsonSerializable(typeof(StatefulSet))]
[JsonSerializable(typeof(DaemonSet))]
[JsonSerializable(typeof(ControllerRevision))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(CronJob))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(EndpointSlice))]
[JsonSerializable(typeof(PodDisruptionBudget))]
[JsonSerializable(typeof(Eviction))]
[JsonSerializable(typeof(PriorityClass))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(ClusterRole))]
[JsonSerializable(typeof(RoleBinding))]
[JsonSerializable(typeof(ClusterRoleBinding))]
[JsonSerializable(typeof(Scale))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(ListMeta))]
[JsonSerializable(typeof(SuperKube.Model.Core.EndpointPort), TypeInfoPropertyName = "CoreEndpointPort")]
[JsonSerializable(typeof(IList<SuperKube.Model.Core.EndpointPort>), TypeInfoPropertyName = "IListCoreEndpointPort")]
[JsonSerializable(typeof(SuperKube.Model.Discovery.EndpointPort), TypeInfoPropertyName = "DiscoveryEndpointPort")]
[JsonSerializable(typeof(IList<SuperKube.Model.Discovery.EndpointPort>), TypeInfoPropertyName = "IListDiscoveryEndpointPort")]
public sealed partial class ModelJsonContext : JsonSerializerContext;

using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>core/v1 kinds other than the pod template (see <see cref="PodSchemas"/>).</summary>
internal static class CoreSchemas
{
    public static void Register(ProtoSchemaBuilder b) => b
        .Kind("v1", "Namespace").Kind("v1", "ConfigMap").Kind("v1", "Secret").Kind("v1", "ServiceAccount")
        .Kind("v1", "Service").Kind("v1", "ResourceQuota").Kind("v1", "Pod")
        .Message("Namespace", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "NamespaceSpec").Message(3, "status", "NamespaceStatus"))
        .Message("NamespaceSpec", m => m.Strings(1, "finalizers"))
        .Message("NamespaceStatus", m => m.String(1, "phase").Messages(2, "conditions", "NamespaceCondition"))
        .Message("NamespaceCondition", m => m
            .String(1, "type", Keep).String(2, "status", Keep).Time(4, "lastTransitionTime").String(5, "reason").String(6, "message"))
        .Message("ConfigMap", m => m
            .Message(1, "metadata", "ObjectMeta").Bool(4, "immutable", Keep).StringMap(2, "data").BytesMap(3, "binaryData"))
        .Message("Secret", m => m
            .Message(1, "metadata", "ObjectMeta").Bool(5, "immutable", Keep).BytesMap(2, "data").StringMap(4, "stringData").String(3, "type"))
        .Message("ServiceAccount", m => m
            .Message(1, "metadata", "ObjectMeta").Messages(2, "secrets", "ObjectReference")
            .Messages(3, "imagePullSecrets", "LocalObjectReference").Bool(4, "automountServiceAccountToken", Keep))
        .Message("ObjectReference", m => m
            .String(1, "kind").String(2, "namespace").String(3, "name").String(4, "uid")
            .String(5, "apiVersion").String(6, "resourceVersion").String(7, "fieldPath"))
        .Message("LocalObjectReference", m => m.String(1, "name"))
        .Message("TypedLocalObjectReference", m => m.String(1, "apiGroup", Keep).String(2, "kind", Keep).String(3, "name", Keep))
        .Message("Service", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "ServiceSpec").Message(3, "status", "ServiceStatus"))
        .Message("ServiceSpec", m => m
            .Messages(1, "ports", "ServicePort").StringMap(2, "selector").String(3, "clusterIP").Strings(18, "clusterIPs")
            .String(4, "type").Strings(5, "externalIPs").String(7, "sessionAffinity").String(8, "loadBalancerIP")
            .Strings(9, "loadBalancerSourceRanges").String(10, "externalName").String(11, "externalTrafficPolicy")
            .Int32(12, "healthCheckNodePort").Bool(13, "publishNotReadyAddresses")
            .Message(14, "sessionAffinityConfig", "SessionAffinityConfig").Strings(19, "ipFamilies")
            .String(17, "ipFamilyPolicy", Keep).Bool(20, "allocateLoadBalancerNodePorts", Keep)
            .String(21, "loadBalancerClass", Keep).String(22, "internalTrafficPolicy", Keep).String(23, "trafficDistribution", Keep))
        .Message("ServicePort", m => m
            .String(1, "name").String(2, "protocol").String(6, "appProtocol", Keep).Int32(3, "port", Keep)
            .IntOrString(4, "targetPort").Int32(5, "nodePort"))
        .Message("SessionAffinityConfig", m => m.Message(1, "clientIP", "ClientIPConfig"))
        .Message("ClientIPConfig", m => m.Int32(1, "timeoutSeconds", Keep))
        .Message("ServiceStatus", m => m.Message(1, "loadBalancer", "LoadBalancerStatus").Messages(2, "conditions", "Condition"))
        .Message("LoadBalancerStatus", m => m.Messages(1, "ingress", "LoadBalancerIngress"))
        .Message("LoadBalancerIngress", m => m
            .String(1, "ip").String(2, "hostname").String(3, "ipMode", Keep).Messages(4, "ports", "PortStatus"))
        .Message("PortStatus", m => m.Int32(1, "port", Keep).String(2, "protocol", Keep).String(3, "error", Keep))
        .Message("ResourceQuota", m => m
            .Message(1, "metadata", "ObjectMeta").Message(2, "spec", "ResourceQuotaSpec").Message(3, "status", "ResourceQuotaStatus"))
        .Message("ResourceQuotaSpec", m => m.QuantityMap(1, "hard").Strings(2, "scopes").Message(3, "scopeSelector", "ScopeSelector"))
        .Message("ResourceQuotaStatus", m => m.QuantityMap(1, "hard").QuantityMap(2, "used"))
        .Message("ScopeSelector", m => m.Messages(1, "matchExpressions", "ScopedResourceSelectorRequirement"))
        .Message("ScopedResourceSelectorRequirement", m => m.String(1, "scopeName", Keep).String(2, "operator", Keep).Strings(3, "values"));
}

using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>networking.k8s.io/v1 Ingress.</summary>
internal static class NetworkingSchemas
{
    public static void Register(ProtoSchemaBuilder b) => b
        .Kind("networking.k8s.io/v1", "Ingress")
        .Message("Ingress", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "IngressSpec").Message(3, "status", "IngressStatus"))
        .Message("IngressSpec", m => m
            .String(4, "ingressClassName", Keep).Message(1, "defaultBackend", "IngressBackend")
            .Messages(2, "tls", "IngressTLS").Messages(3, "rules", "IngressRule"))
        .Message("IngressBackend", m => m
            .Message(4, "service", "IngressServiceBackend").Message(3, "resource", "TypedLocalObjectReference"))
        .Message("IngressServiceBackend", m => m.String(1, "name", Keep).Message(2, "port", "ServiceBackendPort"))
        .Message("ServiceBackendPort", m => m.String(1, "name").Int32(2, "number"))
        .Message("IngressTLS", m => m.Strings(1, "hosts").String(2, "secretName"))
        .Message("IngressRule", m => m.String(1, "host").Inline(2, "IngressRuleValue"))
        .Message("IngressRuleValue", m => m.Message(1, "http", "HTTPIngressRuleValue"))
        .Message("HTTPIngressRuleValue", m => m.Messages(1, "paths", "HTTPIngressPath"))
        .Message("HTTPIngressPath", m => m.String(1, "path").String(3, "pathType", Keep).Message(2, "backend", "IngressBackend"))
        .Message("IngressStatus", m => m.Message(1, "loadBalancer", "IngressLoadBalancerStatus"))
        .Message("IngressLoadBalancerStatus", m => m.Messages(1, "ingress", "IngressLoadBalancerIngress"))
        .Message("IngressLoadBalancerIngress", m => m.String(1, "ip").String(2, "hostname").Messages(4, "ports", "IngressPortStatus"))
        .Message("IngressPortStatus", m => m.Int32(1, "port", Keep).String(2, "protocol", Keep).String(3, "error", Keep));
}

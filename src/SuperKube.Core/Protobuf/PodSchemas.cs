using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>core/v1 pod template messages: PodSpec, Container and the common fields they carry.</summary>
internal static class PodSchemas
{
    public static void Register(ProtoSchemaBuilder b)
    {
        RegisterPod(b);
        RegisterContainer(b);
        RegisterProbes(b);
        RegisterSecurity(b);
        RegisterVolumes(b);
    }

    private static void RegisterPod(ProtoSchemaBuilder b) => b
        .Message("Pod", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "PodSpec").Message(3, "status", "PodStatus"))
        .Message("PodTemplateSpec", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "spec", "PodSpec"))
        .Message("PodSpec", m => m
            .Messages(1, "volumes", "Volume").Messages(20, "initContainers", "Container").Messages(2, "containers", "Container")
            .String(3, "restartPolicy").Int64(4, "terminationGracePeriodSeconds", Keep).Int64(5, "activeDeadlineSeconds", Keep)
            .String(6, "dnsPolicy").StringMap(7, "nodeSelector").String(8, "serviceAccountName").String(9, "serviceAccount")
            .Bool(21, "automountServiceAccountToken", Keep).String(10, "nodeName")
            .Bool(11, "hostNetwork").Bool(12, "hostPID").Bool(13, "hostIPC").Bool(27, "shareProcessNamespace", Keep)
            .Message(14, "securityContext", "PodSecurityContext").Messages(15, "imagePullSecrets", "LocalObjectReference")
            .String(16, "hostname").String(17, "subdomain").String(19, "schedulerName")
            .Messages(22, "tolerations", "Toleration").Messages(23, "hostAliases", "HostAlias")
            .String(24, "priorityClassName").Int32(25, "priority", Keep).Messages(28, "readinessGates", "PodReadinessGate")
            .String(29, "runtimeClassName", Keep).Bool(30, "enableServiceLinks", Keep).String(31, "preemptionPolicy", Keep)
            .QuantityMap(32, "overhead").Bool(35, "setHostnameAsFQDN", Keep).Message(36, "os", "PodOS")
            .Bool(37, "hostUsers", Keep).Messages(38, "schedulingGates", "PodSchedulingGate")
            .Message(40, "resources", "ResourceRequirements"))
        .Message("Toleration", m => m
            .String(1, "key").String(2, "operator").String(3, "value").String(4, "effect").Int64(5, "tolerationSeconds", Keep))
        .Message("HostAlias", m => m.String(1, "ip", Keep).Strings(2, "hostnames"))
        .Message("PodReadinessGate", m => m.String(1, "conditionType", Keep))
        .Message("PodOS", m => m.String(1, "name", Keep))
        .Message("PodSchedulingGate", m => m.String(1, "name", Keep))
        .Message("PodStatus", m => m
            .String(1, "phase").Messages(2, "conditions", "PodCondition").String(3, "message").String(4, "reason")
            .String(11, "nominatedNodeName").String(5, "hostIP").Messages(16, "hostIPs", "PodIP").String(6, "podIP")
            .Messages(12, "podIPs", "PodIP").Time(7, "startTime").String(9, "qosClass").String(14, "resize")
            .Int64(17, "observedGeneration"))
        .Message("PodCondition", m => m
            .String(1, "type", Keep).Int64(7, "observedGeneration").String(2, "status", Keep).Time(3, "lastProbeTime")
            .Time(4, "lastTransitionTime").String(5, "reason").String(6, "message"))
        .Message("PodIP", m => m.String(1, "ip", Keep));

    private static void RegisterContainer(ProtoSchemaBuilder b) => b
        .Message("Container", m => m
            .String(1, "name", Keep).String(2, "image").Strings(3, "command").Strings(4, "args").String(5, "workingDir")
            .Messages(6, "ports", "ContainerPort").Messages(19, "envFrom", "EnvFromSource").Messages(7, "env", "EnvVar")
            .Message(8, "resources", "ResourceRequirements").Messages(23, "resizePolicy", "ContainerResizePolicy")
            .String(24, "restartPolicy", Keep).Messages(9, "volumeMounts", "VolumeMount").Messages(21, "volumeDevices", "VolumeDevice")
            .Message(10, "livenessProbe", "Probe").Message(11, "readinessProbe", "Probe").Message(22, "startupProbe", "Probe")
            .Message(12, "lifecycle", "Lifecycle").String(13, "terminationMessagePath").String(20, "terminationMessagePolicy")
            .String(14, "imagePullPolicy").Message(15, "securityContext", "SecurityContext")
            .Bool(16, "stdin").Bool(17, "stdinOnce").Bool(18, "tty"))
        .Message("ContainerPort", m => m
            .String(1, "name").Int32(2, "hostPort").Int32(3, "containerPort", Keep).String(4, "protocol").String(5, "hostIP"))
        .Message("ContainerResizePolicy", m => m.String(1, "resourceName", Keep).String(2, "restartPolicy", Keep))
        .Message("EnvVar", m => m.String(1, "name", Keep).String(2, "value").Message(3, "valueFrom", "EnvVarSource"))
        .Message("EnvVarSource", m => m
            .Message(1, "fieldRef", "ObjectFieldSelector").Message(2, "resourceFieldRef", "ResourceFieldSelector")
            .Message(3, "configMapKeyRef", "ConfigMapKeySelector").Message(4, "secretKeyRef", "SecretKeySelector"))
        .Message("ObjectFieldSelector", m => m.String(1, "apiVersion").String(2, "fieldPath", Keep))
        .Message("ResourceFieldSelector", m => m.String(1, "containerName").String(2, "resource", Keep).Quantity(3, "divisor"))
        .Message("ConfigMapKeySelector", m => m.Inline(1, "LocalObjectReference").String(2, "key", Keep).Bool(3, "optional", Keep))
        .Message("SecretKeySelector", m => m.Inline(1, "LocalObjectReference").String(2, "key", Keep).Bool(3, "optional", Keep))
        .Message("EnvFromSource", m => m
            .String(1, "prefix").Message(2, "configMapRef", "ConfigMapEnvSource").Message(3, "secretRef", "SecretEnvSource"))
        .Message("ConfigMapEnvSource", m => m.Inline(1, "LocalObjectReference").Bool(2, "optional", Keep))
        .Message("SecretEnvSource", m => m.Inline(1, "LocalObjectReference").Bool(2, "optional", Keep))
        .Message("ResourceRequirements", m => m
            .QuantityMap(1, "limits").QuantityMap(2, "requests").Messages(3, "claims", "ResourceClaim"))
        .Message("ResourceClaim", m => m.String(1, "name", Keep).String(2, "request"))
        .Message("VolumeMount", m => m
            .String(1, "name", Keep).Bool(2, "readOnly").String(7, "recursiveReadOnly", Keep).String(3, "mountPath", Keep)
            .String(4, "subPath").String(5, "mountPropagation", Keep).String(6, "subPathExpr"))
        .Message("VolumeDevice", m => m.String(1, "name", Keep).String(2, "devicePath", Keep));

    private static void RegisterProbes(ProtoSchemaBuilder b) => b
        .Message("Probe", m => m
            .Inline(1, "ProbeHandler").Int32(2, "initialDelaySeconds").Int32(3, "timeoutSeconds").Int32(4, "periodSeconds")
            .Int32(5, "successThreshold").Int32(6, "failureThreshold").Int64(7, "terminationGracePeriodSeconds", Keep))
        .Message("ProbeHandler", m => m
            .Message(1, "exec", "ExecAction").Message(2, "httpGet", "HTTPGetAction").Message(3, "tcpSocket", "TCPSocketAction")
            .Message(4, "grpc", "GRPCAction"))
        .Message("Lifecycle", m => m
            .Message(1, "postStart", "LifecycleHandler").Message(2, "preStop", "LifecycleHandler").String(3, "stopSignal", Keep))
        .Message("LifecycleHandler", m => m
            .Message(1, "exec", "ExecAction").Message(2, "httpGet", "HTTPGetAction").Message(3, "tcpSocket", "TCPSocketAction")
            .Message(4, "sleep", "SleepAction"))
        .Message("ExecAction", m => m.Strings(1, "command"))
        .Message("HTTPGetAction", m => m
            .String(1, "path").IntOrString(2, "port").String(3, "host").String(4, "scheme").Messages(5, "httpHeaders", "HTTPHeader"))
        .Message("HTTPHeader", m => m.String(1, "name", Keep).String(2, "value", Keep))
        .Message("TCPSocketAction", m => m.IntOrString(1, "port").String(2, "host"))
        .Message("GRPCAction", m => m.Int32(1, "port", Keep).String(2, "service", Keep))
        .Message("SleepAction", m => m.Int64(1, "seconds", Keep));

    private static void RegisterSecurity(ProtoSchemaBuilder b) => b
        .Message("SecurityContext", m => m
            .Message(1, "capabilities", "Capabilities").Bool(2, "privileged", Keep).Message(3, "seLinuxOptions", "SELinuxOptions")
            .Int64(4, "runAsUser", Keep).Int64(8, "runAsGroup", Keep).Bool(5, "runAsNonRoot", Keep)
            .Bool(6, "readOnlyRootFilesystem", Keep).Bool(7, "allowPrivilegeEscalation", Keep).String(9, "procMount", Keep)
            .Message(11, "seccompProfile", "SeccompProfile").Message(12, "appArmorProfile", "AppArmorProfile"))
        .Message("PodSecurityContext", m => m
            .Message(1, "seLinuxOptions", "SELinuxOptions").Int64(2, "runAsUser", Keep).Int64(6, "runAsGroup", Keep)
            .Bool(3, "runAsNonRoot", Keep).Int64s(4, "supplementalGroups").String(12, "supplementalGroupsPolicy", Keep)
            .Int64(5, "fsGroup", Keep).Messages(7, "sysctls", "Sysctl").String(9, "fsGroupChangePolicy", Keep)
            .Message(10, "seccompProfile", "SeccompProfile").Message(11, "appArmorProfile", "AppArmorProfile")
            .String(13, "seLinuxChangePolicy", Keep))
        .Message("Capabilities", m => m.Strings(1, "add").Strings(2, "drop"))
        .Message("SELinuxOptions", m => m.String(1, "user").String(2, "role").String(3, "type").String(4, "level"))
        .Message("SeccompProfile", m => m.String(1, "type", Keep).String(2, "localhostProfile", Keep))
        .Message("AppArmorProfile", m => m.String(1, "type", Keep).String(2, "localhostProfile", Keep))
        .Message("Sysctl", m => m.String(1, "name", Keep).String(2, "value", Keep));

    private static void RegisterVolumes(ProtoSchemaBuilder b) => b
        .Message("Volume", m => m.String(1, "name", Keep).Inline(2, "VolumeSource"))
        .Message("VolumeSource", m => m
            .Message(1, "hostPath", "HostPathVolumeSource").Message(2, "emptyDir", "EmptyDirVolumeSource")
            .Message(6, "secret", "SecretVolumeSource").Message(7, "nfs", "NFSVolumeSource")
            .Message(10, "persistentVolumeClaim", "PersistentVolumeClaimVolumeSource").Message(19, "configMap", "ConfigMapVolumeSource"))
        .Message("HostPathVolumeSource", m => m.String(1, "path", Keep).String(2, "type", Keep))
        .Message("EmptyDirVolumeSource", m => m.String(1, "medium").Quantity(2, "sizeLimit"))
        .Message("SecretVolumeSource", m => m
            .String(1, "secretName").Messages(2, "items", "KeyToPath").Int32(3, "defaultMode", Keep).Bool(4, "optional", Keep))
        .Message("ConfigMapVolumeSource", m => m
            .Inline(1, "LocalObjectReference").Messages(2, "items", "KeyToPath").Int32(3, "defaultMode", Keep).Bool(4, "optional", Keep))
        .Message("NFSVolumeSource", m => m.String(1, "server", Keep).String(2, "path", Keep).Bool(3, "readOnly"))
        .Message("PersistentVolumeClaimVolumeSource", m => m.String(1, "claimName", Keep).Bool(2, "readOnly"))
        .Message("KeyToPath", m => m.String(1, "key", Keep).String(2, "path", Keep).Int32(3, "mode", Keep));
}

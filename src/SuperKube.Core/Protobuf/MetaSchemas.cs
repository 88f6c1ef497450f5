using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>k8s.io/apimachinery/pkg/apis/meta/v1 messages shared by every kind.</summary>
internal static class MetaSchemas
{
    public static void Register(ProtoSchemaBuilder b) => b
        .Message("ObjectMeta", m => m
            .String(1, "name").String(2, "generateName").String(3, "namespace").String(4, "selfLink")
            .String(5, "uid").String(6, "resourceVersion").Int64(7, "generation")
            .Time(8, "creationTimestamp").Time(9, "deletionTimestamp").Int64(10, "deletionGracePeriodSeconds", Keep)
            .StringMap(11, "labels").StringMap(12, "annotations")
            .Messages(13, "ownerReferences", "OwnerReference").Strings(14, "finalizers")
            .Messages(17, "managedFields", "ManagedFieldsEntry"))
        .Message("OwnerReference", m => m
            .String(5, "apiVersion", Keep).String(1, "kind", Keep).String(3, "name", Keep).String(4, "uid", Keep)
            .Bool(6, "controller", Keep).Bool(7, "blockOwnerDeletion", Keep))
        .Message("ManagedFieldsEntry", m => m
            .String(1, "manager").String(2, "operation").String(3, "apiVersion").Time(4, "time")
            .String(6, "fieldsType").FieldsV1(7, "fieldsV1").String(8, "subresource"))
        .Message("LabelSelector", m => m
            .StringMap(1, "matchLabels").Messages(2, "matchExpressions", "LabelSelectorRequirement"))
        .Message("LabelSelectorRequirement", m => m
            .String(1, "key", Keep).String(2, "operator", Keep).Strings(3, "values"))
        .Message("Condition", m => m
            .String(1, "type", Keep).String(2, "status", Keep).Int64(3, "observedGeneration")
            .Time(4, "lastTransitionTime").String(5, "reason", Keep).String(6, "message", Keep));
}

using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>authentication.k8s.io/v1 TokenRequest and SelfSubjectReview, authorization.k8s.io/v1 SelfSubjectAccessReview and SelfSubjectRulesReview.</summary>
internal static class AuthSchemas
{
    public static void Register(ProtoSchemaBuilder b) => b
        .Kind("authentication.k8s.io/v1", "TokenRequest").Kind("authentication.k8s.io/v1", "SelfSubjectReview")
        .Kind("authorization.k8s.io/v1", "SelfSubjectAccessReview").Kind("authorization.k8s.io/v1", "SelfSubjectRulesReview")
        .Message("SelfSubjectRulesReview", m => m
            .Message(1, "metadata", "ObjectMeta").Message(2, "spec", "SelfSubjectRulesReviewSpec").Message(3, "status", "SubjectRulesReviewStatus"))
        .Message("SubjectRulesReviewStatus", m => m
            .Messages(1, "resourceRules", "ResourceRule").Messages(2, "nonResourceRules", "NonResourceRule")
            .Bool(3, "incomplete", Keep).String(4, "evaluationError"))
        .Message("ResourceRule", m => m.Strings(1, "verbs").Strings(2, "apiGroups").Strings(3, "resources").Strings(4, "resourceNames"))
        .Message("NonResourceRule", m => m.Strings(1, "verbs").Strings(2, "nonResourceURLs"))
        .Message("SelfSubjectRulesReviewSpec", m => m.String(1, "namespace"))
        .Message("TokenRequest", m => m
            .Message(1, "metadata", "ObjectMeta").Message(2, "spec", "TokenRequestSpec").Message(3, "status", "TokenRequestStatus"))
        .Message("TokenRequestSpec", m => m
            .Strings(1, "audiences").Int64(4, "expirationSeconds", Keep).Message(3, "boundObjectRef", "BoundObjectReference"))
        .Message("BoundObjectReference", m => m.String(1, "kind").String(2, "apiVersion").String(3, "name").String(4, "uid"))
        .Message("TokenRequestStatus", m => m.String(1, "token", Keep).Time(2, "expirationTimestamp"))
        .Message("SelfSubjectReview", m => m.Message(1, "metadata", "ObjectMeta").Message(2, "status", "SelfSubjectReviewStatus"))
        .Message("SelfSubjectReviewStatus", m => m.Message(1, "userInfo", "UserInfo"))
        .Message("UserInfo", m => m.String(1, "username").String(2, "uid").Strings(3, "groups").Map(4, "extra", ProtoKind.StringList))
        .Message("SelfSubjectAccessReview", m => m
            .Message(1, "metadata", "ObjectMeta").Message(2, "spec", "SelfSubjectAccessReviewSpec")
            .Message(3, "status", "SubjectAccessReviewStatus"))
        .Message("SelfSubjectAccessReviewSpec", m => m
            .Message(1, "resourceAttributes", "ResourceAttributes").Message(2, "nonResourceAttributes", "NonResourceAttributes"))
        .Message("ResourceAttributes", m => m
            .String(1, "namespace").String(2, "verb").String(3, "group").String(4, "version").String(5, "resource")
            .String(6, "subresource").String(7, "name").Message(8, "fieldSelector", "FieldSelectorAttributes")
            .Message(9, "labelSelector", "LabelSelectorAttributes"))
        .Message("FieldSelectorAttributes", m => m.String(1, "rawSelector").Messages(2, "requirements", "FieldSelectorRequirement"))
        .Message("FieldSelectorRequirement", m => m.String(1, "key", Keep).String(2, "operator", Keep).Strings(3, "values"))
        .Message("LabelSelectorAttributes", m => m.String(1, "rawSelector").Messages(2, "requirements", "LabelSelectorRequirement"))
        .Message("NonResourceAttributes", m => m.String(1, "path").String(2, "verb"))
        .Message("SubjectAccessReviewStatus", m => m
            .Bool(1, "allowed", Keep).Bool(4, "denied").String(2, "reason").String(3, "evaluationError"));
}

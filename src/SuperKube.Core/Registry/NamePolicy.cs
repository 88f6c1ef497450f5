namespace SuperKube.Registry;

/// <summary>Which naming rule a resource's <c>metadata.name</c> follows.</summary>
public enum NamePolicy
{
    /// <summary>DNS-1123 subdomain: lower-case alphanumerics, '-' and '.', at most 253 characters (most kinds).</summary>
    Subdomain,

    /// <summary>DNS-1123 label: lower-case alphanumerics and '-', at most 63 characters (Namespace, Service).</summary>
    Label,

    /// <summary>Any name that is a valid path segment: not '.', '..', and without '/' or '%' (RBAC kinds).</summary>
    PathSegment,
}

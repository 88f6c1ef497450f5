namespace SuperKube.Security.Audit;

/// <summary>The audit log (kube-apiserver's <c>--audit-log-path</c> and <c>--audit-policy-file</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// The file audit events are appended to, one audit.k8s.io/v1 <c>Event</c> as JSON per line (created with
    /// owner-only permissions). Null (the default) turns auditing off.
    /// </summary>
    public string? LogPath { get; set; }

    /// <summary>
    /// An audit.k8s.io/v1 <c>Policy</c> (YAML or JSON) choosing each request's level. Null (the default) logs every
    /// request at the Metadata level (who did what to which object, never a body).
    /// </summary>
    public string? PolicyFile { get; set; }
}

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

    /// <summary>
    /// The size in megabytes (MiB) at which the log is rotated (kube-apiserver's <c>--audit-log-maxsize</c>): renamed to
    /// <c>NAME-TIMESTAMP.EXT</c> and started afresh. 0 (the default) means 100, as kube-apiserver's log library.
    /// </summary>
    public int MaxSizeMegabytes { get; set; }

    /// <summary>How many rotated files to keep (<c>--audit-log-maxbackup</c>); 0 (the default) keeps all.</summary>
    public int MaxBackups { get; set; }

    /// <summary>How long rotated files are kept, by the time in their names (<c>--audit-log-maxage</c>, in days); zero (the default) keeps them regardless of age.</summary>
    public TimeSpan MaxAge { get; set; }

    /// <summary>The rotation size in bytes.</summary>
    internal long MaxSizeBytes => (MaxSizeMegabytes == 0 ? 100L : MaxSizeMegabytes) * 1024 * 1024;
}

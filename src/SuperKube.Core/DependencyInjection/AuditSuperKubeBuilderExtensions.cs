#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.DependencyInjection;
using SuperKube.Security.Audit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on the audit log.</summary>
public static class AuditSuperKubeBuilderExtensions
{
    /// <summary>
    /// Logs every API request as audit.k8s.io/v1 Events (JSON lines) to <see cref="AuditOptions.LogPath"/>, at the
    /// levels an audit policy file chooses (<see cref="AuditOptions.PolicyFile"/>; Metadata for everything without
    /// one). A missing or invalid policy fails the host start.
    /// </summary>
    public static ISuperKubeBuilder AddAudit(this ISuperKubeBuilder builder, Action<AuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<AuditOptions>()
            .Validate(o => !string.IsNullOrEmpty(o.LogPath), "AuditOptions.LogPath is required to audit.")
            .Validate(o => o.MaxSizeMegabytes >= 0 && o.MaxBackups >= 0 && o.MaxAge >= TimeSpan.Zero,
                "AuditOptions.MaxSizeMegabytes, MaxBackups and MaxAge must not be negative.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<AuditLogWriter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditLogWriter>(sp => sp.GetRequiredService<AuditLogWriter>()));
        services.TryAddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<AuditOptions>>().Value.PolicyFile;
            var policy = file is null ? AuditPolicy.MetadataForAll : AuditPolicy.Load(file);
            return new Auditor(policy, sp.GetRequiredService<AuditLogWriter>(), sp.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}

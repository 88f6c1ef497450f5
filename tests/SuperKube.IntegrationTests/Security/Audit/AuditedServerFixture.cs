using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuperKube.Host;

namespace SuperKube.IntegrationTests.Security.Audit;

/// <summary>A secured server writing an audit log under a policy file, with its log lines captured.</summary>
public sealed class AuditedServerFixture : SecureServerFixture
{
    /// <summary>Health probes not logged; Secrets at Metadata; ConfigMaps with bodies; other writes with the request; the rest at Metadata without the RequestReceived stage.</summary>
    public const string Policy = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/version"]
        - level: Metadata
          resources:
          - group: ""
            resources: ["secrets"]
        - level: RequestResponse
          resources:
          - group: ""
            resources: ["configmaps"]
        - level: Request
          verbs: ["create", "update", "patch", "delete"]
        - level: Metadata
          omitStages: ["RequestReceived"]
        """;

    internal CapturedLogs Logs { get; } = new();

    public string AuditLogPath => Path.Combine(DataDir, "audit", "audit.log");

    /// <summary>The audit log as it is now (the writer may be a moment behind the responses: poll).</summary>
    public async Task<string> ReadAuditLogAsync()
    {
        await using var file = new FileStream(AuditLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return await reader.ReadToEndAsync();
    }

    internal override ServerSettings CreateSettings(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var policy = Path.Combine(dataDir, "audit-policy.yaml");
        File.WriteAllText(policy, Policy);
        return base.CreateSettings(dataDir) with
        {
            Audit = new() { LogPath = Path.Combine(dataDir, "audit", "audit.log"), PolicyFile = policy },
            ConfigureServices = services => services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)),
        };
    }
}

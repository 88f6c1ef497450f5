using System.CommandLine;

namespace SuperKube.Host;

/// <summary><c>superkube server</c>: runs the API server (and, later, controllers, scheduler and an embedded node).</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Directory for the database, kubeconfig.yaml and the PKI (pki/).", DefaultValueFactory = _ => "./superkube-data" };
        var dbUrl = new Option<string?>("--db-url") { Description = "Storage URL: sqlite://PATH (default: DATA_DIR/superkube.db) or postgres://user:pass@host:port/db?sslmode=... (servers may share one database). Env: DATABASE_URL." };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 to let remote nodes join).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "API server port.", DefaultValueFactory = _ => 6443 };
        var nodeName = new Option<string?>("--node-name") { Description = "Name of the embedded node (default: host name)." };
        var podCidr = new Option<string>("--pod-cidr") { Description = "Cluster pod address range; the embedded node takes its first /24.", DefaultValueFactory = _ => "10.244.0.0/16" };
        var serviceCidr = new Option<string>("--service-cidr") { Description = "Service ClusterIP range (IPv4 CIDR); its first address is the kubernetes Service's.", DefaultValueFactory = _ => "10.96.0.0/12" };
        var nodePortRange = new Option<string>("--node-port-range") { Description = "Port range NodePort and LoadBalancer Services take node ports from.", DefaultValueFactory = _ => "30000-32767" };
        var runtime = new Option<string>("--runtime") { Description = "Container runtime of the embedded node: auto (Docker when the engine answers, else fake), docker or fake.", DefaultValueFactory = _ => "auto" };
        runtime.AcceptOnlyFromAmong("auto", "docker", "fake");
        var fakeNodes = new Option<int>("--fake-nodes") { Description = "Number of simulated nodes (Fake runtime) to add.", DefaultValueFactory = _ => 0 };
        var noAgent = new Option<bool>("--no-agent") { Description = "Do not run the embedded node agent." };
        var insecureHttp = new Option<bool>("--insecure-http") { Description = "Serve plain HTTP without authentication or authorization (loopback only, for quick local use)." };
        var leaseDuration = new Option<int>("--lease-duration")
        {
            Description = "Seconds a controller or scheduler lease lasts when servers share PostgreSQL (renewed every third of it); a killed server's loops move to another within it.",
            DefaultValueFactory = _ => 30,
        };
        var tlsSan = new Option<string[]>("--tls-san") { Description = "Extra host name or IP address for the serving certificate (repeatable).", AllowMultipleArgumentsPerToken = false };
        var maxInFlight = new Option<int>("--max-requests-inflight") { Description = "Read-only requests served at once; more get 429 with Retry-After (0: no limit). Watches, exec, logs and port-forward do not count.", DefaultValueFactory = _ => 400 };
        var maxMutating = new Option<int>("--max-mutating-requests-inflight") { Description = "Mutating requests served at once; more get 429 with Retry-After (0: no limit).", DefaultValueFactory = _ => 200 };
        var maxWatches = new Option<int>("--max-watches-per-user") { Description = "Watches one user may hold open at once; more get 429 (0: no limit). system:masters is exempt.", DefaultValueFactory = _ => 500 };
        var auditLogPath = new Option<string?>("--audit-log-path") { Description = "Append an audit.k8s.io/v1 Event per request (JSON lines) to this file; no audit log without it." };
        var auditPolicyFile = new Option<string?>("--audit-policy-file") { Description = "audit.k8s.io/v1 Policy choosing each request's level (None, Metadata, Request, RequestResponse); default: Metadata for all." };
        var auditMaxSize = new Option<int>("--audit-log-maxsize") { Description = "Megabytes the audit log may grow to before it is rotated to FILE-TIMESTAMP (0: 100)." };
        var auditMaxBackup = new Option<int>("--audit-log-maxbackup") { Description = "Rotated audit log files to keep (0: all)." };
        var auditMaxAge = new Option<int>("--audit-log-maxage") { Description = "Days to keep rotated audit log files, by the time in their names (0: no limit)." };

        var command = new Command("server", "Run a SuperKube server: API server on SQLite with an embedded node; writes a kubeconfig for kubectl.")
        {
            dataDir, dbUrl, host, port, nodeName, podCidr, serviceCidr, nodePortRange, runtime, fakeNodes, noAgent, insecureHttp, tlsSan, leaseDuration,
            maxInFlight, maxMutating, maxWatches, auditLogPath, auditPolicyFile, auditMaxSize, auditMaxBackup, auditMaxAge,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new ServerSettings
            {
                DataDir = Path.GetFullPath(result.GetValue(dataDir) ?? "./superkube-data"),
                DatabaseUrl = result.GetValue(dbUrl) ?? Environment.GetEnvironmentVariable("DATABASE_URL"),
                Host = result.GetValue(host) ?? "127.0.0.1",
                Port = result.GetValue(port),
                NodeName = result.GetValue(nodeName) ?? Environment.MachineName.ToLowerInvariant(),
                PodCidr = result.GetValue(podCidr) ?? "10.244.0.0/16",
                ServiceCidr = result.GetValue(serviceCidr) ?? "10.96.0.0/12",
                NodePortRange = result.GetValue(nodePortRange) ?? "30000-32767",
                Runtime = result.GetValue(runtime) ?? "auto",
                FakeNodes = result.GetValue(fakeNodes),
                NoAgent = result.GetValue(noAgent),
                InsecureHttp = result.GetValue(insecureHttp),
                TlsSans = result.GetValue(tlsSan) ?? [],
                LeaseDuration = TimeSpan.FromSeconds(result.GetValue(leaseDuration)),
                Audit = new()
                {
                    LogPath = result.GetValue(auditLogPath), PolicyFile = result.GetValue(auditPolicyFile), MaxSizeMegabytes = result.GetValue(auditMaxSize),
                    MaxBackups = result.GetValue(auditMaxBackup), MaxAge = TimeSpan.FromDays(result.GetValue(auditMaxAge)),
                },
                Limits = new() { MaxRequestsInFlight = result.GetValue(maxInFlight), MaxMutatingRequestsInFlight = result.GetValue(maxMutating), MaxWatchesPerUser = result.GetValue(maxWatches) },
            };
            return await ServerHost.RunAsync(settings, Console.Out, cancellationToken);
        });
        return command;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SuperKube.Protobuf.Tests;

/// <summary>
/// A throwaway API server on 127.0.0.1 that answers just enough discovery for kubectl's generator commands and
/// records every POST body, so the protobuf bodies real kubectl sends can be captured as golden files.
/// </summary>
internal sealed class KubectlCaptureServer : IAsyncDisposable
{
    private static readonly (string Group, string Version, string Resource, string Kind, bool Namespaced, string[] Subresources)[] Resources =
    [
        ("", "v1", "namespaces", "Namespace", false, []),
        ("", "v1", "configmaps", "ConfigMap", true, []),
        ("", "v1", "secrets", "Secret", true, []),
        ("", "v1", "serviceaccounts", "ServiceAccount", true, ["token"]),
        ("", "v1", "services", "Service", true, []),
        ("", "v1", "resourcequotas", "ResourceQuota", true, []),
        ("", "v1", "pods", "Pod", true, []),
        ("", "v1", "nodes", "Node", false, []),
        ("apps", "v1", "deployments", "Deployment", true, ["scale"]),
        ("batch", "v1", "jobs", "Job", true, []),
        ("batch", "v1", "cronjobs", "CronJob", true, []),
        ("rbac.authorization.k8s.io", "v1", "roles", "Role", true, []),
        ("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, []),
        ("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, []),
        ("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, []),
        ("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, []),
        ("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, []),
        ("networking.k8s.io", "v1", "ingresses", "Ingress", true, []),
        ("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, []),
        ("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false, []),
        ("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false, []),
        ("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, []),
    ];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly string _directory;

    private KubectlCaptureServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
    }

    /// <summary>The POSTs received so far, in order.</summary>
    public IReadOnlyCollection<CapturedRequest> Requests => _requests;

    public static async Task<KubectlCaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var directory = Directory.CreateTempSubdirectory("kubectl-capture-").FullName;
        var server = new KubectlCaptureServer(app, directory);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        // The feature is always present on Kestrel.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await File.WriteAllTextAsync(Path.Combine(directory, "kubeconfig"), $"""
            apiVersion: v1
            kind: Config
            clusters: [{"{"}name: capture, cluster: {"{"}server: "{address}"{"}"}{"}"}]
            users: [{"{"}name: capture, user: {"{"}token: capture{"}"}{"}"}]
            contexts: [{"{"}name: capture, context: {"{"}cluster: capture, user: capture, namespace: default{"}"}{"}"}]
            current-context: capture
            """);
        return server;
    }

    /// <summary>A scratch directory that lives as long as the server (for certificate files and the like).</summary>
    public string ScratchDirectory => _directory;

    /// <summary>Runs the installed kubectl against this server and returns its standard output; throws when it fails.</summary>
    public async Task<string> RunKubectlAsync(IEnumerable<string> args, bool allowFailure = false)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        foreach (var arg in (string[])["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_directory, "cache"), .. args])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HOME"] = _directory;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start kubectl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', info.ArgumentList)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (HttpMethods.IsPost(request.Method))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var captured = new CapturedRequest(path, request.ContentType ?? "", buffer.ToArray());
            _requests.Enqueue(captured);
            await WriteJsonAsync(context, 201, PostResponse(path));
            return;
        }

        var body = path switch
        {
            "/version" => new JsonObject { ["major"] = "1", ["minor"] = "32", ["gitVersion"] = "v1.32.4", ["platform"] = "linux/amd64" },
            "/api" => new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") },
            "/apis" => GroupList(),
            "/apis/apps/v1/namespaces/default/deployments/web" => Deployment(),
            _ => ResourceList(path),
        };
        if (body is null)
        {
            await WriteJsonAsync(context, 404, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = "NotFound", ["code"] = 404 });
            return;
        }

        await WriteJsonAsync(context, 200, body);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var group in Resources.Where(r => r.Group.Length > 0).Select(r => r.Group).Distinct())
        {
            var version = new JsonObject { ["groupVersion"] = $"{group}/v1", ["version"] = "v1" };
            groups.Add(new JsonObject { ["name"] = group, ["versions"] = new JsonArray(version), ["preferredVersion"] = version.DeepClone() });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private static JsonObject? ResourceList(string path)
    {
        var groupVersion = path == "/api/v1" ? "v1" : path.StartsWith("/apis/", StringComparison.Ordinal) ? path["/apis/".Length..] : null;
        var matching = Resources.Where(r => GroupVersion(r.Group, r.Version) == groupVersion).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var r in matching)
        {
            var verbs = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch");
            resources.Add(new JsonObject { ["name"] = r.Resource, ["singularName"] = r.Kind.ToLowerInvariant(), ["namespaced"] = r.Namespaced, ["kind"] = r.Kind, ["verbs"] = verbs });
            foreach (var sub in r.Subresources)
            {
                resources.Add(new JsonObject { ["name"] = $"{r.Resource}/{sub}", ["singularName"] = "", ["namespaced"] = r.Namespaced, ["kind"] = r.Kind, ["verbs"] = new JsonArray("create", "get") });
            }
        }

        return new JsonObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = groupVersion, ["resources"] = resources };
    }

    private static JsonObject PostResponse(string path)
    {
        if (path.EndsWith("/token", StringComparison.Ordinal))
        {
            return new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenRequest", ["status"] = new JsonObject { ["token"] = "captured-token", ["expirationTimestamp"] = "2030-01-01T00:00:00Z" } };
        }

        var resource = Resources.FirstOrDefault(r => path.EndsWith("/" + r.Resource, StringComparison.Ordinal));
        var result = new JsonObject
        {
            ["apiVersion"] = GroupVersion(resource.Group ?? "", resource.Version ?? "v1"),
            ["kind"] = resource.Kind ?? "Status",
            ["metadata"] = new JsonObject { ["name"] = "captured" },
        };
        result["status"] = resource.Kind switch
        {
            "SelfSubjectAccessReview" => new JsonObject { ["allowed"] = true },
            "SelfSubjectReview" => new JsonObject { ["userInfo"] = new JsonObject { ["username"] = "captured" } },
            _ => new JsonObject(),
        };
        return result;
    }

    private static JsonObject Deployment() => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default", ["resourceVersion"] = "1" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 2,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "nginx", ["image"] = "nginx:1.25" }) },
            },
        },
    };

    private static string GroupVersion(string group, string version) => group.Length == 0 ? version : $"{group}/{version}";
}

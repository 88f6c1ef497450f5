using System.Text;
using Microsoft.AspNetCore.Http;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Api;

/// <summary>
/// <c>/healthz</c>, <c>/livez</c> and <c>/readyz</c> (and <c>/…/NAME</c> for one check) in kube-apiserver's format:
/// 200 "ok", or 503 with one "[-]NAME failed: reason withheld" line per failing check (details go to the log, not to
/// anonymous callers); <c>?verbose</c> lists every check. Liveness leaves the database out: restarting a server does
/// not bring its database back.
/// </summary>
internal sealed class HealthEndpoint(ResourceWatchCache cache, IResourceStore store)
{
    private static readonly string[] Paths = ["/healthz", "/livez", "/readyz"];

    public static IEnumerable<string> Routes => Paths;

    public Task HandleAsync(HttpContext context, string path)
    {
        var checks = new List<(string Name, bool Ok)> { ("ping", true) };
        if (path != "/livez")
        {
            checks.Add(("etcd", store is not IStoreHealth { Problem: not null }));
        }

        checks.Add(("informer-sync", cache.IsReady));
        if (context.Request.RouteValues["check"] is string only)
        {
            checks = [.. checks.Where(c => c.Name == only)];
            if (checks.Count == 0)
            {
                context.Response.StatusCode = 404;
                return context.Response.WriteAsync($"no such check: {only}\n", Encoding.UTF8);
            }
        }

        var ok = checks.All(c => c.Ok);
        context.Response.StatusCode = ok ? 200 : 503;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var verbose = context.Request.Query.ContainsKey("verbose");
        if (ok && !verbose)
        {
            return context.Response.WriteAsync("ok", Encoding.UTF8);
        }

        var text = new StringBuilder();
        foreach (var (name, passed) in checks.Where(c => verbose || !c.Ok))
        {
            text.Append(passed ? $"[+]{name} ok\n" : $"[-]{name} failed: reason withheld\n");
        }

        text.Append(ok ? $"{path[1..]} check passed\n" : $"{path[1..]} check failed\n");
        return context.Response.WriteAsync(text.ToString(), Encoding.UTF8);
    }
}

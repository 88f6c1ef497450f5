using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Diagnostics;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Services;
using SuperKube.WatchCache;

namespace SuperKube.Bootstrap;

/// <summary>
/// Creates the <c>default/kubernetes</c> Service (the first cluster IP, port 443) once the server listens, and
/// points its Endpoints and EndpointSlice at this server's address and port, or, when several servers share the
/// database (<see cref="IApiServerAddresses"/>), at every live server's, refreshed as servers come and go. Both are labelled so the mirroring
/// controller leaves them alone, as upstream does.
/// </summary>
internal sealed partial class KubernetesService(
    IServiceProvider services, IResourceRegistry registry, ResourceReader reader, ResourceWriter writer, ServiceAllocator allocator,
    IOptions<ServiceNetworkOptions> options, TimeProvider time, ILogger<KubernetesService> logger) : BackgroundService
{
    public const string Name = "kubernetes";
    private static readonly WriteContext Context = WriteContext.Internal("superkube-bootstrap");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CreateKubernetesService)
        {
            return;
        }

        var endpoint = await ListeningAddress.WaitAsync(services, options.Value.AdvertiseAddress, stoppingToken).ConfigureAwait(false);
        try
        {
            await UpsertAsync("services", "", ServiceObject(endpoint?.Port ?? 443), keep: true, stoppingToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            Log.Failed(logger, ex.Message);
        }

        if (endpoint is not { } own)
        {
            return;
        }

        // One server: its own address, once. Several on one database: every live server's, kept up to date.
        var peers = services.GetService<IApiServerAddresses>();
        while (true)
        {
            var servers = peers is null ? [own] : await LiveServersAsync(peers, own, stoppingToken).ConfigureAwait(false);
            if (servers is not null)
            {
                try
                {
                    await UpsertAsync("endpoints", "", EndpointsObject(servers), keep: false, stoppingToken).ConfigureAwait(false);
                    await UpsertAsync("endpointslices", "discovery.k8s.io", SliceObject(servers), keep: false, stoppingToken).ConfigureAwait(false);
                }
                catch (ApiException ex)
                {
                    Log.Failed(logger, ex.Message);
                }
            }

            if (peers is null)
            {
                return;
            }

            await Task.Delay(peers.RefreshInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The live servers, this one included, sorted; null (keep the endpoints as they are) when they cannot be read.</summary>
    private async Task<List<(string Address, int Port)>?> LiveServersAsync(
        IApiServerAddresses peers, (string Address, int Port) own, CancellationToken cancellationToken)
    {
        try
        {
            var live = await peers.ListAsync(cancellationToken).ConfigureAwait(false);
            return [.. live.Append(own).Distinct().OrderBy(s => s.Port).ThenBy(s => s.Address, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ListFailed(logger, ex.Message);
            return null;
        }
    }

    private JsonObject ServiceObject(int targetPort) => new()
    {
        ["metadata"] = Metadata(new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" }),
        ["spec"] = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["clusterIP"] = allocator.KubernetesServiceIp,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = targetPort }),
        },
    };

    /// <summary>One subset per port, each listing the servers serving on it.</summary>
    private static JsonObject EndpointsObject(List<(string Address, int Port)> servers) => new()
    {
        ["metadata"] = Metadata(new JsonObject { ["endpointslice.kubernetes.io/skip-mirror"] = "true" }),
        ["subsets"] = new JsonArray([.. servers.GroupBy(s => s.Port).Select(g => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray([.. g.Select(s => (JsonNode)new JsonObject { ["ip"] = s.Address })]),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = g.Key, ["protocol"] = "TCP" }),
        })]),
    };

    /// <summary>
    /// An EndpointSlice has one port list, so it names the servers on the port most of them use (the lowest on a tie);
    /// servers on another port appear in the Endpoints only. Real deployments serve on one port everywhere.
    /// </summary>
    private static JsonObject SliceObject(List<(string Address, int Port)> servers)
    {
        var port = servers.GroupBy(s => s.Port).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new JsonObject
        {
            ["metadata"] = Metadata(new JsonObject { ["kubernetes.io/service-name"] = Name }),
            ["addressType"] = "IPv4",
            ["endpoints"] = new JsonArray([.. servers.Where(s => s.Port == port).Select(s => (JsonNode)new JsonObject
            {
                ["addresses"] = new JsonArray(s.Address),
                ["conditions"] = new JsonObject { ["ready"] = true },
            })]),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = port, ["protocol"] = "TCP" }),
        };
    }

    private static JsonObject Metadata(JsonObject labels) => new() { ["name"] = Name, ["namespace"] = "default", ["labels"] = labels };

    /// <summary>Creates the object, or (unless <paramref name="keep"/>) brings an existing one's content up to date.</summary>
    private async Task UpsertAsync(string plural, string group, JsonObject desired, bool keep, CancellationToken cancellationToken)
    {
        var type = registry.Find(group, "v1", plural) ?? throw new InvalidOperationException($"{plural} are not registered");
        if (reader.Find(type, "default", Name) is null)
        {
            try
            {
                await writer.CreateAsync(type, "default", desired, Context, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ApiException ex) when (ex.Code == 409)
            {
                // Another server created it first; fall through to the update.
            }
        }

        if (!keep && !SameContent(reader.Find(type, "default", Name), desired))
        {
            await writer.UpdateAsync(type, "default", Name, "", current =>
            {
                foreach (var (key, value) in desired)
                {
                    if (key != "metadata")
                    {
                        current[key] = value?.DeepClone();
                    }
                }

                return current;
            }, Context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when the stored object already has every top-level field of <paramref name="desired"/> but metadata.</summary>
    private static bool SameContent(CachedObject? current, JsonObject desired)
    {
        if (current is null || JsonNode.Parse(current.Json.Span) is not JsonObject stored)
        {
            return false;
        }

        return desired.Where(kv => kv.Key != "metadata").All(kv => JsonNode.DeepEquals(stored[kv.Key], kv.Value));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Api + 953, Level = LogLevel.Warning,
            Message = "Could not list the live API servers for the kubernetes endpoints: {Message}; keeping them as they are")]
        public static partial void ListFailed(ILogger logger, string message);

        [LoggerMessage(EventId = SuperKubeEventIds.Api + 952, Level = LogLevel.Warning, Message = "Could not create the kubernetes Service: {Message}")]
        public static partial void Failed(ILogger logger, string message);
    }
}

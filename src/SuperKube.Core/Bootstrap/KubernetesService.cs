using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Diagnostics;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Services;

namespace SuperKube.Bootstrap;

/// <summary>
/// Creates the <c>default/kubernetes</c> Service (the first cluster IP, port 443) once the server listens, and
/// points its Endpoints and EndpointSlice at this server's address and port. Both are labelled so the mirroring
/// controller leaves them alone, as upstream does.
/// </summary>
internal sealed partial class KubernetesService(
    IServiceProvider services, IResourceRegistry registry, ResourceReader reader, ResourceWriter writer, ServiceAllocator allocator,
    IOptions<ServiceNetworkOptions> options, ILogger<KubernetesService> logger) : BackgroundService
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
            if (endpoint is not null)
            {
                var (ip, port) = endpoint.Value;
                await UpsertAsync("endpoints", "", EndpointsObject(ip, port), keep: false, stoppingToken).ConfigureAwait(false);
                await UpsertAsync("endpointslices", "discovery.k8s.io", SliceObject(ip, port), keep: false, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (ApiException ex)
        {
            Log.Failed(logger, ex.Message);
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

    private static JsonObject EndpointsObject(string ip, int port) => new()
    {
        ["metadata"] = Metadata(new JsonObject { ["endpointslice.kubernetes.io/skip-mirror"] = "true" }),
        ["subsets"] = new JsonArray(new JsonObject
        {
            ["addresses"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = port, ["protocol"] = "TCP" }),
        }),
    };

    private static JsonObject SliceObject(string ip, int port) => new()
    {
        ["metadata"] = Metadata(new JsonObject { ["kubernetes.io/service-name"] = Name }),
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray(new JsonObject
        {
            ["addresses"] = new JsonArray(ip),
            ["conditions"] = new JsonObject { ["ready"] = true },
        }),
        ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = port, ["protocol"] = "TCP" }),
    };

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

        if (!keep)
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

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Api + 952, Level = LogLevel.Warning, Message = "Could not create the kubernetes Service: {Message}")]
        public static partial void Failed(ILogger logger, string message);
    }
}

using System.Text.Json.Nodes;
using System.Threading.Channels;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Resources;

namespace CustomController;

/// <summary>
/// Reconciles Widgets: each one gets spec.size Pods labelled <c>example.com/widget=NAME</c> and owned by the Widget
/// (a controller ownerReference), and status.replicas/status.selector for its scale subresource. Widget and Pod
/// changes are queued by Widget; the queue is worked one key at a time.
/// </summary>
public sealed partial class WidgetController(IKubernetesClient client, ILogger<WidgetController> logger) : BackgroundService
{
    private const string WidgetLabel = "example.com/widget";

    private readonly IKubernetesClient _client = client.WithFieldManager("widget-controller");
    private readonly Channel<(string Namespace, string Name)> _queue = Channel.CreateUnbounded<(string, string)>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WidgetDefinition.InstallAsync(_client, stoppingToken);
        _ = WatchAsync(WidgetDefinition.Widgets, "", o => Name(o), stoppingToken);
        _ = WatchAsync(ApiResource.Pods, WidgetLabel, o => Labels(o)?[WidgetLabel]?.GetValue<string>(), stoppingToken);
        await foreach (var (ns, name) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ReconcileAsync(ns, name, stoppingToken);
            }
            catch (ApiException ex)
            {
                Log.ReconcileFailed(logger, ns, name, ex);
                await Task.Delay(200, stoppingToken);
                _queue.Writer.TryWrite((ns, name));
            }
        }
    }

    private async Task WatchAsync(ApiResource resource, string labelSelector, Func<JsonObject, string?> widgetOf, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var options = new ListOptions { LabelSelector = labelSelector };
            await foreach (var change in _client.WatchAsync(resource, null, options, cancellationToken))
            {
                if (widgetOf(change.Object) is { } widget)
                {
                    _queue.Writer.TryWrite((Namespace(change.Object), widget));
                }
            }
        }
    }

    private async Task ReconcileAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var widget = await _client.GetAsync(WidgetDefinition.Widgets, ns, name, cancellationToken);
        var selector = $"{WidgetLabel}={name}";
        var pods = (await _client.ListAsync(ApiResource.Pods, ns, new ListOptions { LabelSelector = selector }, cancellationToken)).Items
            .Where(p => p["metadata"]?["deletionTimestamp"] is null)
            .ToList();
        var wanted = widget is null || widget["metadata"]?["deletionTimestamp"] is not null ? 0 : (int?)widget["spec"]?["size"] ?? 0;
        for (var i = pods.Count; i < wanted; i++)
        {
            await _client.CreateAsync(ApiResource.Pods, ns, NewPod(widget!), cancellationToken);
        }

        foreach (var extra in pods.Skip(wanted))
        {
            await _client.DeleteAsync(ApiResource.Pods, ns, Name(extra), null, cancellationToken);
        }

        if (widget is not null && ((long?)widget["status"]?["replicas"] != wanted || (string?)widget["status"]?["selector"] != selector))
        {
            widget["status"] = new JsonObject { ["replicas"] = wanted, ["selector"] = selector };
            await _client.UpdateAsync(WidgetDefinition.Widgets, ns, widget, "status", cancellationToken);
            Log.Reconciled(logger, ns, name, wanted);
        }
    }

    private static JsonObject NewPod(JsonObject widget) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["generateName"] = Name(widget) + "-",
            ["labels"] = new JsonObject { [WidgetLabel] = Name(widget) },
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "example.com/v1",
                ["kind"] = "Widget",
                ["name"] = Name(widget),
                ["uid"] = widget["metadata"]?["uid"]?.GetValue<string>(),
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            }),
        },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = widget["spec"]?["image"]?.GetValue<string>() }),
        },
    };

    private static string Name(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "";

    private static string Namespace(JsonObject obj) => obj["metadata"]?["namespace"]?.GetValue<string>() ?? "";

    private static JsonObject? Labels(JsonObject obj) => obj["metadata"]?["labels"] as JsonObject;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Widget {Namespace}/{Name} has {Count} pods")]
        public static partial void Reconciled(ILogger logger, string @namespace, string name, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling widget {Namespace}/{Name} failed; retrying")]
        public static partial void ReconcileFailed(ILogger logger, string @namespace, string name, Exception exception);
    }
}

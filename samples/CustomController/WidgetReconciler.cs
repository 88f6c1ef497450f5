using SuperKube.Client;
using SuperKube.Controllers;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace CustomController;

/// <summary>
/// Reconciles one Widget: keeps spec.size Pods labelled <c>example.com/widget=NAME</c> and controlled by the Widget,
/// and reports status.replicas/status.selector for its scale subresource. Registered with
/// <c>AddController&lt;Widget, WidgetReconciler&gt;(c =&gt; c.Owns&lt;Pod&gt;())</c>, so a change to the Widget or to
/// a Pod it owns reconciles it; the framework brings the informers, work queue, retries and leader election.
/// </summary>
public sealed partial class WidgetReconciler(ISharedInformerFactory informers, IKubernetesClient client, ILogger<WidgetReconciler> logger)
    : IReconciler<Widget>
{
    private const string WidgetLabel = "example.com/widget";

    private readonly ILister<Widget> _widgets = informers.GetInformer<Widget>().Lister;
    private readonly ILister<Pod> _pods = informers.GetInformer<Pod>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("widget-controller");

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (_widgets.Get(request.Namespace, request.Name) is not { Metadata.DeletionTimestamp: null } widget)
        {
            return ReconcileResult.Done; // gone or going: garbage collection removes its Pods
        }

        var pods = _pods.List(request.Namespace)
            .Where(p => p.Metadata?.DeletionTimestamp is null && p.Metadata?.OwnerReferences?.Any(o => o.Controller == true && o.Uid == widget.Metadata.Uid) == true)
            .ToList();
        var wanted = widget.Spec?.Size ?? 0;
        for (var i = pods.Count; i < wanted; i++)
        {
            await _client.CreateAsync(NewPod(widget), cancellationToken);
        }

        foreach (var extra in pods.Skip(wanted))
        {
            await _client.DeleteAsync(ApiResource.Pods, request.Namespace, extra.Metadata?.Name ?? "", null, cancellationToken);
        }

        var selector = $"{WidgetLabel}={request.Name}";
        if (widget.Status?.Replicas != wanted || widget.Status.Selector != selector)
        {
            var update = new Widget { Metadata = widget.Metadata, Spec = widget.Spec, Status = new WidgetStatus { Replicas = wanted, Selector = selector } };
            await _client.UpdateAsync(update, status: true, cancellationToken); // a new object: the informer's copy stays untouched
            Log.Reconciled(logger, request.Namespace, request.Name, wanted);
        }

        return ReconcileResult.Done;
    }

    private static Pod NewPod(Widget widget) => new()
    {
        Metadata = new ObjectMeta
        {
            GenerateName = widget.Metadata?.Name + "-",
            Namespace = widget.Metadata?.Namespace,
            Labels = new Dictionary<string, string> { [WidgetLabel] = widget.Metadata?.Name ?? "" },
            OwnerReferences =
            [
                new OwnerReference
                {
                    ApiVersion = "example.com/v1",
                    Kind = "Widget",
                    Name = widget.Metadata?.Name,
                    Uid = widget.Metadata?.Uid,
                    Controller = true,
                    BlockOwnerDeletion = true,
                },
            ],
        },
        Spec = new PodSpec { Containers = [new Container { Name = "app", Image = widget.Spec?.Image }] },
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Widget {Namespace}/{Name} has {Count} pods")]
        public static partial void Reconciled(ILogger logger, string @namespace, string name, int count);
    }
}

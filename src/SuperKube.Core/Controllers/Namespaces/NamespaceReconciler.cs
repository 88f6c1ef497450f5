using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Objects;
using SuperKube.Registry;

namespace SuperKube.Controllers.Namespaces;

/// <summary>
/// The namespace controller: once a namespace is deleted it deletes everything in it, reports progress in the
/// namespace's conditions, and when nothing is left removes the <c>kubernetes</c> finalizer through
/// <c>namespaces/NAME/finalize</c>, which lets the namespace go.
/// </summary>
internal sealed class NamespaceReconciler(IResourceRegistry registry, IKubernetesClient client, TimeProvider time) : IReconciler<Namespace>
{
    public const string Finalizer = "kubernetes";
    private static readonly TimeSpan RecheckDelay = TimeSpan.FromSeconds(1);
    private readonly IKubernetesClient _client = client.WithFieldManager("namespace-controller");

    /// <summary>Reconciles on namespace changes, and when an object in a terminating namespace goes away.</summary>
    public static void Configure(ControllerBuilder<Namespace> controller) =>
        controller.WithName("namespace").WithConcurrency(2).Watches<Pod>(TerminatingNamespaceOf);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var ns = await _client.GetAsync(ApiResource.Namespaces, null, request.Name, cancellationToken).ConfigureAwait(false);
        if (ns is null || !ObjectMetadata.IsDeleting(ns) || !HasFinalizer(ns))
        {
            return ReconcileResult.Done;
        }

        var content = await NamespaceContent.DeleteAllAsync(registry, _client, request.Name, cancellationToken).ConfigureAwait(false);
        var status = ns["status"] as JsonObject ?? [];
        ns["status"] = status;
        var phaseChanged = (string?)status["phase"] != "Terminating";
        status["phase"] = "Terminating";
        if (NamespaceConditions.Apply(status, content, time.GetUtcNow()) || phaseChanged)
        {
            ns = await _client.UpdateAsync(ApiResource.Namespaces, null, ns, "status", cancellationToken).ConfigureAwait(false);
        }

        if (!content.IsEmpty)
        {
            return ReconcileResult.After(RecheckDelay);
        }

        var finalizers = (JsonArray)ns["spec"]!["finalizers"]!;
        foreach (var item in finalizers.Where(f => f?.ToString() == Finalizer).ToList())
        {
            finalizers.Remove(item);
        }

        await _client.UpdateAsync(ApiResource.Namespaces, null, ns, "finalize", cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    private static bool HasFinalizer(JsonObject ns) =>
        (ns["spec"] as JsonObject)?["finalizers"] is JsonArray finalizers && finalizers.Any(f => f?.ToString() == Finalizer);

    private static IEnumerable<ReconcileRequest> TerminatingNamespaceOf(Pod pod, IServiceProvider services)
    {
        var name = pod.Metadata?.Namespace ?? "";
        var ns = services.GetRequiredService<ISharedInformerFactory>().GetInformer<Namespace>().Lister.Get("", name);
        return ns?.Metadata?.DeletionTimestamp is null ? [] : [new ReconcileRequest("", name)];
    }
}

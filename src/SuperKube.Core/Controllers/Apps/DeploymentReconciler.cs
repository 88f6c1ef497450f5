using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The built-in Deployment controller: keeps one ReplicaSet per pod template (named by the template hash), rolls
/// from old to new with RollingUpdate (within maxSurge/maxUnavailable) or Recreate, resizes proportionally, keeps
/// revisions and history, honours pause, and reports status and conditions as <c>kubectl rollout</c> expects. Each
/// reconcile is one <see cref="DeploymentSync"/>.
/// </summary>
internal sealed class DeploymentReconciler : IReconciler<Deployment>
{
    /// <summary>The field manager of the built-in controllers' writes.</summary>
    public const string FieldManager = "kube-controller-manager";

    public const string Component = "deployment-controller";

    private readonly ILister<Deployment> _deployments;
    private readonly ILister<ReplicaSet> _sets;
    private readonly ILister<Pod> _pods;
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly ControllerEvents _events;

    public DeploymentReconciler(ISharedInformerFactory informers, IKubernetesClient client, ControllerEvents events, TimeProvider time)
    {
        _events = events;
        _deployments = informers.GetInformer<Deployment>().Lister;
        _sets = informers.GetInformer<ReplicaSet>().Lister;
        _pods = informers.GetInformer<Pod>().Lister;
        _client = client.WithFieldManager(FieldManager);
        _time = time;
    }

    public static void Configure(ControllerBuilder<Deployment> controller) =>
        controller.WithName("deployment").WithConcurrency(5).Owns<ReplicaSet>().Watches<ReplicaSet>(OrphanSetOwners).Watches<Pod>(RecreatePodOwners);

    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var deployment = _deployments.Get(request.Namespace, request.Name);
        if (deployment is null)
        {
            return Task.FromResult(ReconcileResult.Done);
        }

        var now = ReplicaSetStatusCalculator.TruncateToSeconds(_time.GetUtcNow());
        return new DeploymentSync(ModelJson.Clone(deployment), _client, _events, _sets, _pods, now, cancellationToken).RunAsync();
    }

    /// <summary>ReplicaSets without a controller: every deployment of the namespace whose selector matches may adopt them.</summary>
    private static List<ReconcileRequest> OrphanSetOwners(ReplicaSet rs, IServiceProvider services)
    {
        if (ControllerRefs.ControllerOf(rs.Metadata) is not null)
        {
            return [];
        }

        var ns = rs.Metadata?.Namespace ?? "";
        var deployments = services.GetRequiredService<ISharedInformerFactory>().GetInformer<Deployment>().Lister;
        return [.. deployments.List(ns)
            .Where(d => Selectors.Matches(Selectors.From(d.Spec?.Selector), rs.Metadata?.Labels))
            .Select(d => new ReconcileRequest(ns, d.Metadata?.Name ?? ""))];
    }

    /// <summary>A Recreate deployment waits for its old pods to go: their changes wake it up.</summary>
    private static List<ReconcileRequest> RecreatePodOwners(Pod pod, IServiceProvider services)
    {
        if (ControllerRefs.ControllerOf(pod.Metadata) is not { } setRef || !ControllerRefs.Refers(setRef, "apps", "ReplicaSet"))
        {
            return [];
        }

        var ns = pod.Metadata?.Namespace ?? "";
        var informers = services.GetRequiredService<ISharedInformerFactory>();
        var rs = informers.GetInformer<ReplicaSet>().Lister.Get(ns, setRef.Name ?? "");
        if (rs?.Metadata?.Uid != setRef.Uid || ControllerRefs.ControllerOf(rs?.Metadata) is not { } deploymentRef
            || !ControllerRefs.Refers(deploymentRef, "apps", "Deployment"))
        {
            return [];
        }

        var deployment = informers.GetInformer<Deployment>().Lister.Get(ns, deploymentRef.Name ?? "");
        return deployment?.Spec?.Strategy?.Type == "Recreate" ? [new ReconcileRequest(ns, deploymentRef.Name ?? "")] : [];
    }
}

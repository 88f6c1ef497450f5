using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Controllers.Apps;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;
using SuperKube.Model.Policy;
using SuperKube.Registry;

namespace SuperKube.Controllers.Disruption;

/// <summary>
/// The disruption controller: keeps a PodDisruptionBudget's status current (expected and healthy pods, the
/// disruptions allowed, the <c>DisruptionAllowed</c> condition) and forgets disrupted pods once they are gone or
/// their eviction is older than two minutes.
/// </summary>
internal sealed class DisruptionReconciler(ISharedInformerFactory informers, IResourceRegistry registry, IKubernetesClient client, TimeProvider time)
    : IReconciler<PodDisruptionBudget>
{
    /// <summary>How long an accepted eviction keeps its pod out of the healthy count when the pod is not seen going.</summary>
    public static readonly TimeSpan DisruptionTimeout = TimeSpan.FromMinutes(2);

    private readonly ILister<PodDisruptionBudget> _budgets = informers.GetInformer<PodDisruptionBudget>().Lister;
    private readonly ILister<Pod> _pods = informers.GetInformer<Pod>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("disruption-controller");

    public static void Configure(ControllerBuilder<PodDisruptionBudget> controller) =>
        controller.WithName("disruption").WithConcurrency(2).Watches<Pod>(BudgetsOf);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var cached = _budgets.Get(request.Namespace, request.Name);
        if (cached is null)
        {
            return ReconcileResult.Done;
        }

        var pdb = KubernetesClientExtensions.FromJson<PodDisruptionBudget>(KubernetesClientExtensions.ToJson(cached));
        var now = time.GetUtcNow();
        var selector = Selectors.From(pdb.Spec?.Selector);
        var pods = _pods.List(request.Namespace).Where(p => Selectors.Matches(selector, p.Metadata?.Labels)).ToList();
        var disrupted = (pdb.Status?.DisruptedPods ?? new Dictionary<string, DateTimeOffset>())
            .Where(d => d.Value + DisruptionTimeout > now && pods.Any(p => p.Metadata?.Name == d.Key && p.Metadata.DeletionTimestamp is null))
            .ToDictionary(d => d.Key, d => d.Value);
        var healthy = pods.Count(p => p.Metadata?.DeletionTimestamp is null && !disrupted.ContainsKey(p.Metadata?.Name ?? "") && PodStates.IsReady(p));
        var scale = await ControllerScaleAsync(request.Namespace, pods, cancellationToken).ConfigureAwait(false);
        var (expected, desired) = DisruptionMath.Budget(pdb.Spec?.MinAvailable, pdb.Spec?.MaxUnavailable, pods.Count, scale);
        var allowed = DisruptionMath.DisruptionsAllowed(healthy, desired);

        var status = pdb.Status ?? new PodDisruptionBudgetStatus();
        var before = KubernetesClientExtensions.ToJson(pdb)["status"]?.DeepClone();
        status.ObservedGeneration = pdb.Metadata?.Generation;
        status.DisruptedPods = disrupted.Count == 0 ? null : disrupted;
        status.CurrentHealthy = healthy;
        status.DesiredHealthy = desired;
        status.ExpectedPods = expected;
        status.DisruptionsAllowed = allowed;
        status.Conditions = SetAllowedCondition(status.Conditions, allowed > 0, pdb.Metadata?.Generation, now);
        pdb.Status = status;
        if (!JsonNode.DeepEquals(before, KubernetesClientExtensions.ToJson(pdb)["status"]))
        {
            await _client.UpdateAsync(pdb, status: true, cancellationToken).ConfigureAwait(false);
        }

        return disrupted.Count == 0 ? ReconcileResult.Done : ReconcileResult.After(disrupted.Values.Min() + DisruptionTimeout - now);
    }

    private static List<Condition> SetAllowedCondition(IList<Condition>? conditions, bool allowed, long? generation, DateTimeOffset now)
    {
        var list = conditions?.Where(c => c.Type != "DisruptionAllowed").ToList() ?? [];
        var existing = conditions?.FirstOrDefault(c => c.Type == "DisruptionAllowed");
        var status = allowed ? "True" : "False";
        list.Add(new Condition
        {
            Type = "DisruptionAllowed",
            Status = status,
            Reason = allowed ? "SufficientPods" : "InsufficientPods",
            Message = "",
            ObservedGeneration = generation,
            LastTransitionTime = existing?.Status == status ? existing.LastTransitionTime : now,
        });
        return list;
    }

    /// <summary>
    /// The summed replicas of the pods' controllers, counting a ReplicaSet's Deployment instead of the set itself;
    /// a pod without a controller counts as one.
    /// </summary>
    private async Task<int> ControllerScaleAsync(string ns, IReadOnlyList<Pod> pods, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>();
        var total = 0;
        foreach (var pod in pods)
        {
            if (ControllerRefs.ControllerOf(pod.Metadata) is not { Uid: { } uid } owner)
            {
                total++;
                continue;
            }

            if (seen.ContainsKey(uid))
            {
                continue;
            }

            var controller = await GetAsync(ns, owner.ApiVersion, owner.Kind, owner.Name, cancellationToken).ConfigureAwait(false);
            if (controller is not null && owner.Kind == "ReplicaSet" && ControllerOf(controller) is { } top && top["kind"]?.ToString() == "Deployment")
            {
                controller = await GetAsync(ns, top["apiVersion"]?.ToString(), "Deployment", top["name"]?.ToString(), cancellationToken).ConfigureAwait(false)
                    ?? controller;
            }

            var key = controller is null ? uid : Objects.ObjectMetadata.Uid(controller);
            var replicas = (controller?["spec"] as JsonObject)?["replicas"] is JsonValue r && r.TryGetValue<int>(out var n) ? n : 1;
            if (seen.TryAdd(key, replicas))
            {
                total += replicas;
            }

            seen.TryAdd(uid, 0);
        }

        return total;
    }

    private async Task<JsonObject?> GetAsync(string ns, string? apiVersion, string? kind, string? name, CancellationToken cancellationToken)
    {
        if (registry.FindByKind(apiVersion ?? "", kind ?? "") is not { } type || string.IsNullOrEmpty(name))
        {
            return null;
        }

        return await _client.GetAsync(new ApiResource(type.Group, type.Version, type.Plural), type.IsNamespaced ? ns : null, name, cancellationToken)
            .ConfigureAwait(false);
    }

    private static JsonObject? ControllerOf(JsonObject obj) =>
        ((obj["metadata"] as JsonObject)?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => r["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController);

    private static IEnumerable<ReconcileRequest> BudgetsOf(Pod pod, IServiceProvider services)
    {
        var ns = pod.Metadata?.Namespace ?? "";
        var budgets = services.GetRequiredService<ISharedInformerFactory>().GetInformer<PodDisruptionBudget>().Lister.List(ns);
        return budgets
            .Where(b => Selectors.Matches(Selectors.From(b.Spec?.Selector), pod.Metadata?.Labels))
            .Select(b => new ReconcileRequest(ns, b.Metadata?.Name ?? ""));
    }
}

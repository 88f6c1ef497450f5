using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Quota;
using SuperKube.Registry;

namespace SuperKube.Controllers.Quota;

/// <summary>
/// The resource quota controller: keeps a quota's <c>status.hard</c> equal to its spec and <c>status.used</c> equal
/// to what the namespace's objects use (what <c>kubectl describe quota</c> shows). Changes to pods, services,
/// config maps, secrets and claims recompute the quotas of their namespace; a full recount runs every five minutes.
/// </summary>
internal sealed class ResourceQuotaReconciler(ISharedInformerFactory informers, IKubernetesClient client, IResourceRegistry registry) : IReconciler<ResourceQuota>
{
    public static readonly TimeSpan Resync = TimeSpan.FromMinutes(5);

    private readonly ILister<ResourceQuota> _quotas = informers.GetInformer<ResourceQuota>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("resourcequota-controller");

    public static void Configure(ControllerBuilder<ResourceQuota> controller) =>
        controller.WithName("resourcequota").WithConcurrency(2)
            .Watches<Pod>(QuotasOfNamespace).Watches<Service>(QuotasOfNamespace).Watches<ConfigMap>(QuotasOfNamespace).Watches<Secret>(QuotasOfNamespace);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (_quotas.Get(request.Namespace, request.Name) is not { } cached)
        {
            return ReconcileResult.Done;
        }

        var hard = cached.Spec?.Hard ?? new Dictionary<string, string>();
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in hard.Keys.GroupBy(name => QuotaResources.Counted(name)))
        {
            if (group.Key is not { } counted || registry.All.FirstOrDefault(t => t.Group == counted.Group && t.Plural == counted.Plural) is not { } type)
            {
                continue;
            }

            var objects = (await _client.ListAsync(new ApiResource(type.Group, type.Version, type.Plural), request.Namespace, null, cancellationToken).ConfigureAwait(false)).Items;
            var usages = objects.Select(o => QuotaUsage.Of(group, type, o)).ToList();
            foreach (var name in group)
            {
                used[name] = QuotaQuantity.Format(name, usages.Sum(u => u[name]));
            }
        }

        var status = new ResourceQuotaStatus { Hard = new Dictionary<string, string>(hard, StringComparer.Ordinal), Used = used };
        if (!ModelJson.SameJson(status, cached.Status))
        {
            var quota = ModelJson.Clone(cached);
            quota.Status = status;
            await _client.UpdateAsync(quota, status: true, cancellationToken).ConfigureAwait(false);
        }

        return ReconcileResult.After(Resync);
    }

    private static IEnumerable<ReconcileRequest> QuotasOfNamespace<T>(T changed, IServiceProvider services)
        where T : class, Model.IKubernetesObject
    {
        var ns = changed.Metadata?.Namespace ?? "";
        return services.GetRequiredService<ISharedInformerFactory>().GetInformer<ResourceQuota>().Lister.List(ns)
            .Select(q => new ReconcileRequest(ns, q.Metadata?.Name ?? ""));
    }
}

using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Security.Pki;

namespace SuperKube.Controllers.ServiceAccounts;

/// <summary>
/// The service account controller and the root CA publisher in one: every active namespace has the <c>default</c>
/// ServiceAccount and, when the cluster has a CA, the <c>kube-root-ca.crt</c> ConfigMap with it (recreated when
/// deleted, as upstream). Terminating namespaces are left alone so their deletion can finish.
/// </summary>
internal sealed class ServiceAccountReconciler(ISharedInformerFactory informers, IKubernetesClient client, IServiceProvider services) : IReconciler<Namespace>
{
    public const string DefaultAccount = "default";
    public const string RootCaConfigMap = "kube-root-ca.crt";

    private readonly ILister<Namespace> _namespaces = informers.GetInformer<Namespace>().Lister;
    private readonly ILister<ServiceAccount> _accounts = informers.GetInformer<ServiceAccount>().Lister;
    private readonly ILister<ConfigMap> _configMaps = informers.GetInformer<ConfigMap>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("service-account-controller");
    private readonly string? _rootCa = services.GetService<ClusterPki>() is { } pki ? pki.ClusterAuthority.ExportCertificatePem() + "\n" : null;

    public static void Configure(ControllerBuilder<Namespace> controller) =>
        controller.WithName("serviceaccount").WithConcurrency(2)
            .Watches<ServiceAccount>((sa, _) => sa.Metadata?.Name == DefaultAccount ? [new ReconcileRequest("", sa.Metadata.Namespace ?? "")] : [])
            .Watches<ConfigMap>((cm, _) => cm.Metadata?.Name == RootCaConfigMap ? [new ReconcileRequest("", cm.Metadata.Namespace ?? "")] : []);

    /// <summary>
    /// The CA ConfigMap is written before the account: the ServiceAccount admission plugin admits pods once the account
    /// exists, and their token volumes project the ConfigMap, so it is there by then.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var ns = request.Name;
        if (_namespaces.Get("", ns) is not { Metadata.DeletionTimestamp: null, Status.Phase: not "Terminating" })
        {
            return ReconcileResult.Done;
        }

        if (_rootCa is { } ca && _configMaps.Get(ns, RootCaConfigMap) is null)
        {
            var configMap = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = RootCaConfigMap },
                ["data"] = new JsonObject { ["ca.crt"] = ca },
            };
            await CreateAsync(ApiResource.ConfigMaps, ns, configMap, cancellationToken).ConfigureAwait(false);
        }

        if (_accounts.Get(ns, DefaultAccount) is null)
        {
            await CreateAsync(ApiResource.ServiceAccounts, ns, new JsonObject { ["metadata"] = new JsonObject { ["name"] = DefaultAccount } }, cancellationToken)
                .ConfigureAwait(false);
        }

        return ReconcileResult.Done;
    }

    private async Task CreateAsync(ApiResource resource, string ns, JsonObject obj, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CreateAsync(resource, ns, obj, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code is 409 or 403 or 404)
        {
            // Exists already (the cache lags), or the namespace is going away.
        }
    }
}

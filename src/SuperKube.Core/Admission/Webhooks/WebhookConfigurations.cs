using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.WatchCache;

namespace SuperKube.Admission.Webhooks;

/// <summary>
/// The webhooks of all Mutating- or ValidatingWebhookConfigurations, read from the watch cache (so a change applies to
/// the next request after it is stored) and parsed again only when a configuration changed.
/// </summary>
internal sealed class WebhookConfigurations(ResourceWatchCache cache)
{
    private Snapshot _mutating = Snapshot.Empty;
    private Snapshot _validating = Snapshot.Empty;

    private const string MutatingKey = "admissionregistration.k8s.io/mutatingwebhookconfigurations";
    private const string ValidatingKey = "admissionregistration.k8s.io/validatingwebhookconfigurations";

    /// <summary>True when at least one mutating configuration exists (cheap: no parsing).</summary>
    public bool AnyMutating => cache.For(MutatingKey).Count > 0;

    /// <summary>True when at least one validating configuration exists (cheap: no parsing).</summary>
    public bool AnyValidating => cache.For(ValidatingKey).Count > 0;

    /// <summary>The mutating webhooks, configurations ordered by name and webhooks in their configuration's order (as upstream).</summary>
    public IReadOnlyList<AdmissionWebhook> Mutating => Current(MutatingKey, ref _mutating);

    /// <summary>The validating webhooks, in the same order.</summary>
    public IReadOnlyList<AdmissionWebhook> Validating => Current(ValidatingKey, ref _validating);

    /// <summary>Whether webhooks may intercept writes of <paramref name="resource"/>: never for the admission configuration kinds themselves (upstream exempts them, so a broken webhook cannot lock its own fix out).</summary>
    public static bool MayIntercept(ResourceType resource) => resource.Group != "admissionregistration.k8s.io";

    private IReadOnlyList<AdmissionWebhook> Current(string storageKey, ref Snapshot slot)
    {
        var objects = cache.For(storageKey).List(null);
        var snapshot = Volatile.Read(ref slot);
        if (snapshot.Matches(objects))
        {
            return snapshot.Webhooks;
        }

        var ordered = objects.OrderBy(o => o.Key.Name, StringComparer.Ordinal).ToList();
        var webhooks = ordered.SelectMany(o => AdmissionWebhook.Parse(JsonNode.Parse(o.Json.Span)?.AsObject() ?? [])).ToList();
        Volatile.Write(ref slot, new Snapshot(objects.Select(o => (o.Key.Name, o.Revision)).ToHashSet(), webhooks));
        return webhooks;
    }

    /// <summary>The parsed webhooks and the (name, revision) set of the configurations they came from.</summary>
    private sealed record Snapshot(HashSet<(string Name, long Revision)> Versions, IReadOnlyList<AdmissionWebhook> Webhooks)
    {
        public static readonly Snapshot Empty = new([], []);

        public bool Matches(List<CachedObject> objects) =>
            objects.Count == Versions.Count && objects.All(o => Versions.Contains((o.Key.Name, o.Revision)));
    }
}

using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Model;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// Keeps the ControllerRevisions of one DaemonSet or StatefulSet: finds or creates the revision of the current
/// template (re-numbering an older equal one to the newest number, which is what a rollback does), resolves name
/// collisions with the owner's collision count, and deletes unused revisions beyond the history limit.
/// </summary>
internal static class ControllerRevisionSync
{
    /// <summary>The outcome: the update revision, every revision the owner has now, and the collision count used.</summary>
    public sealed record Result(ControllerRevision Update, List<ControllerRevision> All, int? CollisionCount);

    public static async Task<Result> SyncAsync<T>(
        IKubernetesClient client, T owner, PodTemplateSpec? template, IEnumerable<ControllerRevision> owned, int? collisionCount, CancellationToken cancellationToken)
        where T : class, IKubernetesObject
    {
        var all = owned.ToList();
        all.Sort(ControllerRevisions.ByRevision);
        var max = all.Count == 0 ? 0 : all[^1].Revision ?? 0;
        var equal = all.LastOrDefault(r => ControllerRevisions.Holds(r, template));
        if (equal is not null)
        {
            if ((equal.Revision ?? 0) < max)
            {
                var bumped = ModelJson.Clone(equal);
                bumped.Revision = max + 1;
                bumped = await client.UpdateAsync(bumped, cancellationToken: cancellationToken).ConfigureAwait(false);
                all[all.IndexOf(equal)] = bumped;
                equal = bumped;
            }

            return new Result(equal, all, collisionCount);
        }

        while (true)
        {
            var hash = PodTemplateHash.Compute(template, collisionCount);
            var revision = New(owner, template, hash, max + 1);
            try
            {
                var created = await client.CreateAsync(revision, cancellationToken).ConfigureAwait(false);
                all.Add(created);
                return new Result(created, all, collisionCount);
            }
            catch (ApiException ex) when (ex.Code == 409)
            {
                var existing = await client.GetAsync<ControllerRevision>(owner.Metadata?.Namespace, revision.Metadata!.Name!, cancellationToken).ConfigureAwait(false);
                if (existing is not null && ControllerRefs.IsControlledBy(existing, owner.Metadata?.Uid) && ControllerRevisions.Holds(existing, template))
                {
                    // The cache had not shown it yet.
                    all.RemoveAll(r => r.Metadata?.Name == existing.Metadata?.Name);
                    all.Add(existing);
                    return new Result(existing, all, collisionCount);
                }

                collisionCount = (collisionCount ?? 0) + 1;
            }
        }
    }

    /// <summary>Deletes the oldest revisions not in <paramref name="live"/> until at most <paramref name="limit"/> unused ones remain.</summary>
    public static async Task TrimAsync(IKubernetesClient client, IEnumerable<ControllerRevision> all, IReadOnlySet<string> live, int limit, CancellationToken cancellationToken)
    {
        var unused = all.Where(r => !live.Contains(r.Metadata?.Name ?? "")).ToList();
        unused.Sort(ControllerRevisions.ByRevision);
        foreach (var revision in unused.Take(Math.Max(0, unused.Count - limit)))
        {
            try
            {
                await client.DeleteAsync(ApiResource.ControllerRevisions, revision.Metadata?.Namespace, revision.Metadata?.Name ?? "", null, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                // Already gone.
            }
        }
    }

    private static ControllerRevision New<T>(T owner, PodTemplateSpec? template, string hash, long number)
        where T : class, IKubernetesObject
    {
        var labels = template?.Metadata?.Labels is { } templateLabels ? new Dictionary<string, string>(templateLabels) : [];
        labels[ControllerRevisions.HashLabel] = hash;
        return new ControllerRevision
        {
            ApiVersion = "apps/v1",
            Kind = "ControllerRevision",
            Metadata = new ObjectMeta
            {
                Name = owner.Metadata?.Name + "-" + hash,
                Namespace = owner.Metadata?.Namespace,
                Labels = labels,
                OwnerReferences = [ControllerRefs.For(owner)],
            },
            Data = ControllerRevisions.Data(template),
            Revision = number,
        };
    }
}

namespace SuperKube.CustomResources;

/// <summary>
/// Decides which requested names of a CRD are accepted, as the real naming controller does: a name is taken when it
/// is already accepted for this CRD or nobody else in the group uses it (other CRDs' accepted names and built-in
/// resources). As on the real server, the last conflict checked (plural, singular, short names, kind, list kind) becomes
/// the NamesAccepted=False reason (PluralConflict ... ListKindConflict).
/// </summary>
internal static class CrdNameCheck
{
    /// <summary>The names in use by others in one group.</summary>
    /// <param name="Resources">Plurals, singulars and short names.</param>
    /// <param name="Kinds">Kinds and list kinds.</param>
    public sealed record InUse(IReadOnlySet<string> Resources, IReadOnlySet<string> Kinds);

    /// <summary>The outcome: the names to publish as accepted, and the conflict (reason and message) or null.</summary>
    public sealed record Result(CrdNames Accepted, string? Reason, string? Message);

    public static Result Check(CrdNames requested, CrdNames accepted, InUse inUse)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(inUse);
        string? reason = null;
        string? message = null;

        string Take(string wanted, string current, IReadOnlySet<string> used, string conflict)
        {
            if (wanted == current || !used.Contains(wanted))
            {
                return wanted;
            }

            reason = conflict;
            message = $"\"{wanted}\" is already in use";
            return current;
        }

        var plural = Take(requested.Plural, accepted.Plural, inUse.Resources, "PluralConflict");
        var singular = Take(requested.Singular, accepted.Singular, inUse.Resources, "SingularConflict");
        var shortNames = requested.ShortNames;
        if (requested.ShortNames.FirstOrDefault(s => !accepted.ShortNames.Contains(s) && inUse.Resources.Contains(s)) is { } taken)
        {
            reason = "ShortNamesConflict";
            message = $"\"{taken}\" is already in use";
            shortNames = accepted.ShortNames;
        }

        var kind = Take(requested.Kind, accepted.Kind, inUse.Kinds, "KindConflict");
        var listKind = Take(requested.ListKind, accepted.ListKind, inUse.Kinds, "ListKindConflict");
        return new Result(new CrdNames(plural, singular, kind, listKind, shortNames, requested.Categories), reason, message);
    }
}

namespace SuperKube.Apply;

/// <summary>
/// Moves field ownership between managers after a write, as structured-merge-diff does: fields the write set are
/// taken from every other manager (conflicts, for an apply without force), removed fields leave every manager,
/// and managers left without fields are dropped.
/// </summary>
internal static class Ownership
{
    /// <summary>The conflicts: fields <paramref name="changes"/> set that managers other than <paramref name="writer"/> own.</summary>
    public static List<FieldConflict> Conflicts(IEnumerable<ManagerEntry> managers, ManagerEntry writer, FieldChanges changes)
    {
        var set = changes.Set;
        var conflicts = new List<FieldConflict>();
        foreach (var manager in managers.Where(m => !m.SameManager(writer)))
        {
            conflicts.AddRange(manager.Fields.Intersect(set).Paths().Select(p => new FieldConflict(manager, p)));
        }

        return conflicts;
    }

    /// <summary>Other managers lose what the write set or removed; entries left empty are dropped.</summary>
    public static List<ManagerEntry> TakeFromOthers(IEnumerable<ManagerEntry> managers, ManagerEntry writer, FieldChanges changes)
    {
        var set = changes.Set;
        var result = new List<ManagerEntry>();
        foreach (var manager in managers)
        {
            var untouched = manager.SameManager(writer) || (!manager.Fields.Overlaps(set) && !manager.Fields.Overlaps(changes.Removed));
            var kept = untouched ? manager : manager with { Fields = manager.Fields.Difference(set).Difference(changes.Removed) };
            if (!kept.Fields.IsEmpty)
            {
                result.Add(kept);
            }
        }

        return result;
    }

    /// <summary>
    /// An Update write by <paramref name="writer"/>: it owns what it changed on top of what it owned before (less what
    /// it removed); its time moves when it set anything.
    /// </summary>
    public static List<ManagerEntry> Update(List<ManagerEntry> managers, ManagerEntry writer, FieldChanges changes, string now)
    {
        var others = TakeFromOthers(managers, writer, changes);
        var previous = others.FirstOrDefault(m => m.SameManager(writer));
        others.RemoveAll(m => m.SameManager(writer));
        var before = previous?.Fields ?? new FieldSet();
        var owned = (before.Overlaps(changes.Removed) ? before.Difference(changes.Removed) : before).Union(changes.Set);
        var time = changes.Set.IsEmpty ? previous?.Time : now;
        others.Add(writer with { Fields = owned, Time = time });
        return others;
    }
}

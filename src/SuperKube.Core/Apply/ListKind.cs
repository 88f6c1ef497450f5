namespace SuperKube.Apply;

/// <summary>How server-side apply treats a list (<c>x-kubernetes-list-type</c>).</summary>
internal enum ListKind
{
    /// <summary>Replaced and owned as a whole.</summary>
    Atomic,

    /// <summary>A set of scalars; each element is owned on its own (<c>v:</c>).</summary>
    Set,

    /// <summary>Objects identified by key fields; each element and its fields are owned on their own (<c>k:</c>).</summary>
    Map,
}

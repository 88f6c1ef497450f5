namespace SuperKube.Controllers;

/// <summary>Which object to reconcile: its namespace ("" for cluster-scoped objects) and name.</summary>
/// <param name="Namespace">The namespace, or "" for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
public readonly record struct ReconcileRequest(string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}

namespace SuperKube.Storage;

/// <summary>Identifies a stored object: the resource's storage key, its namespace ("" when cluster scoped) and name.</summary>
public readonly record struct ObjectKey(string Resource, string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}

namespace SuperKube.Registry;

/// <summary>A Kubernetes group, version and kind. The core group is the empty string.</summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>The apiVersion string as it appears in objects: <c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => $"{ApiVersion}, Kind={Kind}";
}

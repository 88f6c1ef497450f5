namespace SuperKube.Client;

/// <summary>The PATCH content types.</summary>
public enum PatchType
{
    /// <summary><c>application/merge-patch+json</c></summary>
    Merge,

    /// <summary><c>application/strategic-merge-patch+json</c></summary>
    StrategicMerge,

    /// <summary><c>application/json-patch+json</c></summary>
    Json,
}

namespace SuperKube.Schema;

/// <summary>The strategic-merge-patch strategy of a field (x-kubernetes-patch-strategy).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatchStrategyAttribute(string strategy) : Attribute
{
    /// <summary><c>merge</c>, <c>replace</c>, <c>retainKeys</c> or <c>merge,retainKeys</c>.</summary>
    public string Strategy { get; } = strategy;
}

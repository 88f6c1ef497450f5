namespace SuperKube.Runtime;

/// <summary>Marker for the runtime assembly until the node agent lands.</summary>
internal static class RuntimeAssembly;

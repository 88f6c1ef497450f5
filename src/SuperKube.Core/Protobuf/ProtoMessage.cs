using System.Collections.Frozen;

namespace SuperKube.Protobuf;

/// <summary>The schema of one protobuf message: its fields by number.</summary>
internal sealed class ProtoMessage(string name, IEnumerable<ProtoField> fields)
{
    public string Name { get; } = name;

    public FrozenDictionary<int, ProtoField> Fields { get; } = fields.ToFrozenDictionary(f => f.Number);
}

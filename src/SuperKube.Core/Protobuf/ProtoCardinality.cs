namespace SuperKube.Protobuf;

/// <summary>Whether a schema field holds one value, a list, or a map (repeated entries with key = 1, value = 2).</summary>
internal enum ProtoCardinality
{
    Single,
    Repeated,

    /// <summary>A <c>map&lt;string, V&gt;</c>; the field's kind describes V.</summary>
    Map,
}

namespace SuperKube.Protobuf;

/// <summary>One field of a message schema: its number, JSON name, value kind and shape.</summary>
/// <param name="Number">The protobuf field number.</param>
/// <param name="JsonName">The Go type's <c>json:</c> name (for inline fields, the embedded message name).</param>
/// <param name="Kind">How the value (for maps: each map value) is read and written.</param>
/// <param name="Cardinality">One value, a list, or a string-keyed map.</param>
/// <param name="MessageType">The schema name of the nested message, for <see cref="ProtoKind.Message"/> and <see cref="ProtoKind.Inline"/>.</param>
/// <param name="Presence">Whether zero scalars are kept in the JSON.</param>
internal sealed record ProtoField(
    int Number,
    string JsonName,
    ProtoKind Kind,
    ProtoCardinality Cardinality = ProtoCardinality.Single,
    string? MessageType = null,
    ProtoPresence Presence = ProtoPresence.OmitEmpty);

using static SuperKube.Protobuf.ProtoCardinality;

namespace SuperKube.Protobuf;

/// <summary>Fluent field list for one message schema; field numbers come first so the tables read like .proto files.</summary>
internal sealed class ProtoMessageBuilder
{
    private readonly List<ProtoField> _fields = [];

    public IReadOnlyList<ProtoField> Fields => _fields;

    public ProtoMessageBuilder String(int number, string name, ProtoPresence presence = default) => Add(new(number, name, ProtoKind.String, Presence: presence));

    public ProtoMessageBuilder Bool(int number, string name, ProtoPresence presence = default) => Add(new(number, name, ProtoKind.Bool, Presence: presence));

    public ProtoMessageBuilder Int32(int number, string name, ProtoPresence presence = default) => Add(new(number, name, ProtoKind.Int32, Presence: presence));

    public ProtoMessageBuilder Int64(int number, string name, ProtoPresence presence = default) => Add(new(number, name, ProtoKind.Int64, Presence: presence));

    public ProtoMessageBuilder Double(int number, string name, ProtoPresence presence = default) => Add(new(number, name, ProtoKind.Double, Presence: presence));

    public ProtoMessageBuilder Bytes(int number, string name) => Add(new(number, name, ProtoKind.Bytes));

    public ProtoMessageBuilder Strings(int number, string name) => Add(new(number, name, ProtoKind.String, Repeated));

    public ProtoMessageBuilder Int32s(int number, string name) => Add(new(number, name, ProtoKind.Int32, Repeated));

    public ProtoMessageBuilder Int64s(int number, string name) => Add(new(number, name, ProtoKind.Int64, Repeated));

    public ProtoMessageBuilder Message(int number, string name, string type) => Add(new(number, name, ProtoKind.Message, MessageType: type));

    public ProtoMessageBuilder Messages(int number, string name, string type) => Add(new(number, name, ProtoKind.Message, Repeated, type));

    /// <summary>An embedded Go struct tagged <c>json:",inline"</c>: its fields land in this object.</summary>
    public ProtoMessageBuilder Inline(int number, string type) => Add(new(number, type, ProtoKind.Inline, MessageType: type));

    public ProtoMessageBuilder Time(int number, string name) => Add(new(number, name, ProtoKind.Time));

    public ProtoMessageBuilder MicroTime(int number, string name) => Add(new(number, name, ProtoKind.MicroTime));

    public ProtoMessageBuilder Duration(int number, string name) => Add(new(number, name, ProtoKind.Duration));

    public ProtoMessageBuilder IntOrString(int number, string name) => Add(new(number, name, ProtoKind.IntOrString));

    public ProtoMessageBuilder Quantity(int number, string name) => Add(new(number, name, ProtoKind.Quantity));

    public ProtoMessageBuilder RawExtension(int number, string name) => Add(new(number, name, ProtoKind.RawExtension));

    public ProtoMessageBuilder FieldsV1(int number, string name) => Add(new(number, name, ProtoKind.FieldsV1));

    public ProtoMessageBuilder StringMap(int number, string name) => Map(number, name, ProtoKind.String);

    public ProtoMessageBuilder BytesMap(int number, string name) => Map(number, name, ProtoKind.Bytes);

    public ProtoMessageBuilder QuantityMap(int number, string name) => Map(number, name, ProtoKind.Quantity);

    /// <summary>A <c>map&lt;string, V&gt;</c> whose values are of <paramref name="valueKind"/>.</summary>
    public ProtoMessageBuilder Map(int number, string name, ProtoKind valueKind, string? valueType = null) =>
        Add(new(number, name, valueKind, ProtoCardinality.Map, valueType));

    private ProtoMessageBuilder Add(ProtoField field)
    {
        if (_fields.Exists(f => f.Number == field.Number))
        {
            throw new InvalidOperationException($"field number {field.Number} is declared twice");
        }

        _fields.Add(field);
        return this;
    }
}

namespace SuperKube.Protobuf;

/// <summary>Where <see cref="ProtoJsonDecoder"/> is while reading one field: for wire-type checks and error messages.</summary>
internal readonly record struct FieldContext(ProtoMessage Message, ProtoField Field, ProtoSchemas Schemas, string Path, int Depth)
{
    public ReadOnlySpan<byte> Expect(ProtoWireType actual, ProtoWireType expected, ref ProtoReader reader) =>
        actual == expected ? reader.ReadLengthDelimited() : throw WrongWireType(expected, actual);

    public ulong ExpectVarint(ProtoWireType actual, ref ProtoReader reader) =>
        actual == ProtoWireType.Varint ? reader.ReadVarint() : throw WrongWireType(ProtoWireType.Varint, actual);

    public ProtobufDecodeException WrongWireType(ProtoWireType expected, ProtoWireType actual) =>
        ProtobufDecodeException.WrongWireType(Message.Name, Field.Number, Field.JsonName, expected, actual, Path);
}

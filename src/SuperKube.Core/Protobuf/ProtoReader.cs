using System.Buffers.Binary;

namespace SuperKube.Protobuf;

/// <summary>
/// A minimal reader for the protobuf wire format over a span: tags, varints, fixed32/64 and length-delimited values.
/// Every read is bounds checked and fails with a <see cref="ProtobufDecodeException"/>; groups are rejected.
/// </summary>
internal ref struct ProtoReader
{
    /// <summary>The largest field number protobuf allows (2^29 - 1).</summary>
    public const int MaxFieldNumber = (1 << 29) - 1;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>Reads the next field tag; false at the end of the data.</summary>
    public bool TryReadTag(out int fieldNumber, out ProtoWireType wireType)
    {
        if (IsAtEnd)
        {
            fieldNumber = 0;
            wireType = default;
            return false;
        }

        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > MaxFieldNumber)
        {
            throw ProtobufDecodeException.Malformed($"invalid protobuf field number {number} at byte {_position}");
        }

        var type = (int)(tag & 7);
        if (type is (int)ProtoWireType.StartGroup or (int)ProtoWireType.EndGroup)
        {
            throw ProtobufDecodeException.Malformed($"protobuf groups (field {number}) are not supported");
        }

        if (type > (int)ProtoWireType.Fixed32)
        {
            throw ProtobufDecodeException.Malformed($"invalid protobuf wire type {type} for field {number}");
        }

        fieldNumber = (int)number;
        wireType = (ProtoWireType)type;
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Truncated("varint");
            }

            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                throw ProtobufDecodeException.Malformed($"protobuf varint overflows 64 bits at byte {_position - 1}");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw ProtobufDecodeException.Malformed($"protobuf varint longer than 10 bytes at byte {_position}");
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "fixed64"));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "fixed32"));

    /// <summary>Reads a length prefix and returns that many bytes.</summary>
    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var start = _position;
        var length = ReadVarint();
        var remaining = _data.Length - _position;
        if (length > (ulong)remaining)
        {
            throw ProtobufDecodeException.Malformed(
                $"protobuf length prefix {length} at byte {start} exceeds the {remaining} bytes that remain");
        }

        return Take((int)length, "length-delimited value");
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (_data.Length - _position < count)
        {
            throw Truncated(what);
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private readonly ProtobufDecodeException Truncated(string what) =>
        ProtobufDecodeException.Malformed($"protobuf data ends inside a {what} at byte {_position}");
}

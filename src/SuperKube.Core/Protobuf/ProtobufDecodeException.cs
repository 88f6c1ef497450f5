namespace SuperKube.Protobuf;

/// <summary>
/// A protobuf request body could not be decoded. <see cref="IsUnsupportedType"/> marks bodies that are well formed but
/// carry a kind (or encoding) this server has no schema for: the API layer answers those with 415, everything else with 400.
/// </summary>
internal sealed class ProtobufDecodeException : Exception
{
    public ProtobufDecodeException() : this("the protobuf body could not be decoded") { }

    public ProtobufDecodeException(string message) : base(message) { }

    public ProtobufDecodeException(string message, Exception inner) : base(message, inner) { }

    private ProtobufDecodeException(string message, bool unsupportedType) : base(message) => IsUnsupportedType = unsupportedType;

    /// <summary>True when the body names a type or encoding without a schema here (HTTP 415); false for malformed input (HTTP 400).</summary>
    public bool IsUnsupportedType { get; }

    /// <summary>The HTTP status the API layer should answer with.</summary>
    public int StatusCode => IsUnsupportedType ? 415 : 400;

    public static ProtobufDecodeException Malformed(string message) => new(message, unsupportedType: false);

    public static ProtobufDecodeException Unsupported(string message) => new(message, unsupportedType: true);

    public static ProtobufDecodeException UnknownField(string messageName, int number, ProtoWireType wireType, string path) =>
        Malformed($"unknown field number {number} (wire type {(int)wireType}) in protobuf message {messageName}{At(path)}");

    public static ProtobufDecodeException WrongWireType(string messageName, int number, string jsonName, ProtoWireType expected, ProtoWireType actual, string path) =>
        Malformed($"field {number} ({jsonName}) of protobuf message {messageName}{At(path)} has wire type {(int)actual}, expected {(int)expected}");

    private static string At(string path) => path.Length == 0 ? "" : $" at {path}";
}

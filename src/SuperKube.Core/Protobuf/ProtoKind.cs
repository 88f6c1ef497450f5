namespace SuperKube.Protobuf;

/// <summary>How the value of a schema field is read from the wire and written as JSON.</summary>
internal enum ProtoKind
{
    /// <summary>UTF-8 string.</summary>
    String,

    /// <summary>Bytes, written as a base64 string (as Go's encoding/json does for []byte).</summary>
    Bytes,
    Bool,
    Int32,
    Int64,
    Double,

    /// <summary>A nested message, written as a JSON object.</summary>
    Message,

    /// <summary>A nested message whose fields are written into the parent object (a Go <c>json:",inline"</c> struct).</summary>
    Inline,

    /// <summary>metav1.Time {seconds=1, nanos=2}: an RFC 3339 string in whole seconds, or null when empty.</summary>
    Time,

    /// <summary>metav1.MicroTime: an RFC 3339 string with six fractional digits, or null when empty.</summary>
    MicroTime,

    /// <summary>metav1.Duration {duration=1 (ns)}: a Go duration string such as "1h0m0s".</summary>
    Duration,

    /// <summary>intstr.IntOrString {type=1, intVal=2, strVal=3}: a JSON number or string.</summary>
    IntOrString,

    /// <summary>resource.Quantity {string=1}: its canonical string.</summary>
    Quantity,

    /// <summary>runtime.RawExtension {raw=1}: the embedded JSON document.</summary>
    RawExtension,

    /// <summary>metav1.FieldsV1 {Raw=1}: the embedded JSON document.</summary>
    FieldsV1,

    /// <summary>A message holding only <c>repeated string items = 1</c> (authentication ExtraValue): a JSON array.</summary>
    StringList,
}

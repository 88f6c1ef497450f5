namespace SuperKube.Protobuf;

/// <summary>
/// Whether a zero scalar read from the wire appears in the JSON. Go's protobuf code writes value fields even when
/// zero, so a zero means "unset" for <c>omitempty</c> fields, but a real value for pointer fields (written only when
/// set, such as <c>replicas</c>) and for fields without <c>omitempty</c> (such as <c>containerPort</c>).
/// </summary>
internal enum ProtoPresence
{
    /// <summary>A Go value field tagged <c>omitempty</c>: "", 0 and false are left out.</summary>
    OmitEmpty,

    /// <summary>A Go pointer field or one without <c>omitempty</c>: whatever is on the wire is kept.</summary>
    Keep,
}

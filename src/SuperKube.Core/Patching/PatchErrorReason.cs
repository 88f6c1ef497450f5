namespace SuperKube.Patching;

/// <summary>Why a patch was rejected; decides the HTTP status of the Kubernetes Status returned.</summary>
internal enum PatchErrorReason
{
    /// <summary>The patch document is malformed (bad JSON, wrong shape, unknown directive): 400 <c>BadRequest</c>.</summary>
    BadRequest,

    /// <summary>The patch is well formed but cannot be applied (path not found, failed <c>test</c>): 422 <c>Invalid</c>.</summary>
    Invalid,
}

namespace SuperKube.Security.Audit;

/// <summary>How much of a request is logged, in increasing order.</summary>
internal enum AuditLevel
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>User, verb, object reference, response code, timestamps: no bodies.</summary>
    Metadata,

    /// <summary>Metadata and the request body.</summary>
    Request,

    /// <summary>Metadata, the request body and the response body.</summary>
    RequestResponse,
}

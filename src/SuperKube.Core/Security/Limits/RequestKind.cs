namespace SuperKube.Security.Limits;

/// <summary>Which limit a request counts against.</summary>
internal enum RequestKind
{
    /// <summary>get, list, discovery: counted against <see cref="RequestLimitsOptions.MaxRequestsInFlight"/>.</summary>
    ReadOnly,

    /// <summary>create, update, patch, delete: counted against <see cref="RequestLimitsOptions.MaxMutatingRequestsInFlight"/>.</summary>
    Mutating,

    /// <summary>A watch: counted per user against <see cref="RequestLimitsOptions.MaxWatchesPerUser"/> only.</summary>
    Watch,

    /// <summary>exec, attach, port-forward, logs, proxy: not counted (they last as long as the user wants).</summary>
    LongRunning,
}

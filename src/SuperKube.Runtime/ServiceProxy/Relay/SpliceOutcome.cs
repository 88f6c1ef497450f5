namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>How a spliced connection ended.</summary>
internal enum SpliceOutcome
{
    /// <summary>Both directions reached end of stream and were delivered.</summary>
    Closed,

    /// <summary>A socket failed (reset, broken pipe); both sockets are set to reset when closed.</summary>
    Failed,

    /// <summary>The kernel refused to splice these sockets before any byte moved: relay them another way.</summary>
    Unsupported,

    /// <summary>Cancelled, or the loop stopped.</summary>
    Aborted,
}

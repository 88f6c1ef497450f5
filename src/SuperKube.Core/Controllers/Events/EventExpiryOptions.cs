namespace SuperKube.Controllers.Events;

/// <summary>How long Events are kept (the API server's <c>--event-ttl</c>) and how often expired ones are removed.</summary>
public sealed class EventExpiryOptions
{
    /// <summary>Events last seen longer ago than this are deleted. Default one hour, as upstream.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time between sweeps. Default five minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

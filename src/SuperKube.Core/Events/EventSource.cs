namespace SuperKube.Events;

/// <summary>Who reports an Event: <c>source.component</c>/<c>reportingComponent</c>, and the host or instance.</summary>
/// <param name="Component">kubelet, default-scheduler, replicaset-controller, …</param>
/// <param name="Host">The node name for the kubelet (<c>source.host</c>); null for control-plane components.</param>
internal sealed record EventSource(string Component, string? Host = null)
{
    public string ReportingInstance => Host ?? Component;
}

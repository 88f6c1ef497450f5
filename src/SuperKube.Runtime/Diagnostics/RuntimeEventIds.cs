namespace SuperKube.Runtime.Diagnostics;

/// <summary>Event id ranges of the runtime assembly's log events: node agent 5000-5999, runtimes 6000-6999.</summary>
internal static class RuntimeEventIds
{
    public const int NodeAgent = 5000;
    public const int PodWorker = 5100;
    public const int Heartbeat = 5200;
    public const int FakeNodes = 5300;
    public const int ServiceProxy = 5400;
    public const int ClusterDns = 5500;
    public const int NodeStreams = 5600;
    public const int Runtime = 6000;
}

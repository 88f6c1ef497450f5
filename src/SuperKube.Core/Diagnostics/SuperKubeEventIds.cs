namespace SuperKube.Diagnostics;

/// <summary>Event id ranges per feature, so log events stay unique across the assembly.</summary>
internal static class SuperKubeEventIds
{
    public const int Api = 1000;
    public const int Storage = 2000;
    public const int WatchCache = 2500;
    public const int Controllers = 3000;
    public const int Scheduling = 4000;
    public const int Nodes = 5000;
}

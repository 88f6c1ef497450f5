namespace SuperKube.Runtime.Docker.Api;

/// <summary>Bytes done of a layer during a pull.</summary>
internal sealed class ProgressDetail
{
    public long Current { get; set; }

    public long Total { get; set; }
}

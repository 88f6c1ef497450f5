namespace SuperKube.Runtime.Fake;

/// <summary>
/// Pod annotations that script the Fake runtime. Each applies to every container of the pod; append
/// <c>.CONTAINER</c> to the key to target one container (<c>fake.superkube.io/run.web</c>).
/// Without annotations the Fake runtime interprets the container's command itself (<c>sh -c "echo hi; sleep 5; exit 1"</c>,
/// <c>sleep 3600</c>); a command it does not know (a server such as <c>nginx</c>, or no command) runs until stopped.
/// Images on a host under the reserved <c>.invalid</c> domain, or whose name contains <c>does-not-exist</c>, fail to pull.
/// </summary>
public static class FakeRuntimeAnnotations
{
    /// <summary>A shell script run instead of the container's command, e.g. <c>echo starting; sleep 10; exit 3</c>.</summary>
    public const string Run = "fake.superkube.io/run";

    /// <summary><c>fail</c>: pulling the image fails (ErrImagePull, then ImagePullBackOff).</summary>
    public const string Pull = "fake.superkube.io/pull";

    /// <summary><c>false</c>: nothing in the pod accepts connections, so httpGet and tcpSocket probes fail.</summary>
    public const string Healthy = "fake.superkube.io/healthy";

    /// <summary>A duration (<c>30s</c>, <c>2m</c>): network probes start failing this long after the container started.</summary>
    public const string UnhealthyAfter = "fake.superkube.io/unhealthy-after";

    /// <summary><c>ignore</c>: the process ignores SIGTERM, so stopping it waits for the grace period and SIGKILL.</summary>
    public const string Sigterm = "fake.superkube.io/sigterm";
}

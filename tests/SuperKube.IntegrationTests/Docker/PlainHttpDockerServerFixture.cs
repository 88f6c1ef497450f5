using SuperKube.Host;
using SuperKube.Runtime.Docker.Tests;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>
/// A <see cref="DockerServerFixture"/> serving plain HTTP (<c>superkube server --insecure-http</c>, as the benchmarks
/// run it): kubectl's connections carry no TLS, so port-forward can splice the pod's bytes into them.
/// </summary>
public sealed class PlainHttpDockerServerFixture(DockerEngine engine) : DockerServerFixture(engine)
{
    internal override ServerSettings CreateSettings(string dataDir) => base.CreateSettings(dataDir) with { InsecureHttp = true };
}

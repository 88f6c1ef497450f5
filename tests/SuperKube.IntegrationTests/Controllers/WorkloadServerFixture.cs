using Microsoft.Extensions.DependencyInjection;
using SuperKube.Controllers.Batch;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Controllers;

/// <summary>A server with three nodes (the embedded one plus two fake ones) and a Job back-off of 50 ms.</summary>
public sealed class WorkloadServerFixture : ServerFixture
{
    internal override ServerSettings CreateSettings(string dataDir) => new()
    {
        DataDir = dataDir,
        Port = 0,
        Runtime = "fake",
        FakeNodes = 2,
        ConfigureServices = services => services.Configure<JobControllerOptions>(o => o.BackoffBase = TimeSpan.FromMilliseconds(50)),
    };
}

using Microsoft.Extensions.DependencyInjection;

namespace SuperKube.DependencyInjection.Tests;

public sealed class SuperKubeServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSuperKube_CalledTwice_RegistersServicesOnce()
    {
        var once = new ServiceCollection();
        once.AddSuperKube();
        var twice = new ServiceCollection();
        twice.AddSuperKube();

        twice.AddSuperKube();

        Assert.Equal(Describe(once), Describe(twice));
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType.FullName}|{d.ImplementationType?.FullName}|{d.Lifetime}")];
}

namespace SuperKube.DependencyInjection;

internal sealed class SuperKubeBuilder(IServiceCollection services) : ISuperKubeBuilder
{
    public IServiceCollection Services { get; } = services;
}

namespace SuperKube.Controllers;

/// <summary>One controller added to the service collection: its name and how to create an instance.</summary>
internal sealed class ControllerRegistration(string name, Func<IServiceProvider, IManagedController> create)
{
    public string Name { get; } = name;

    public IManagedController Create(IServiceProvider services) => create(services);
}

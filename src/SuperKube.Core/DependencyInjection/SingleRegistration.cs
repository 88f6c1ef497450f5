namespace SuperKube.DependencyInjection;

/// <summary>Guards single-valued choices (storage backend, container runtime): a second, different one is an error.</summary>
internal static class SingleRegistration
{
    public static void EnsureSingle<TService, TImplementation>(IServiceCollection services, string what)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(TService));
        if (existing is not null && existing.ImplementationType != typeof(TImplementation))
        {
            var name = existing.ImplementationType?.Name ?? existing.ImplementationInstance?.GetType().Name ?? "a factory";
            throw new InvalidOperationException(
                $"A {what} is already registered ({name}); only one can be used per host.");
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.DependencyInjection;

namespace SuperKube.Storage;

/// <summary>What every storage backend registers: the store, its validated options, initialisation and compaction.</summary>
internal static class StorageRegistration
{
    public static void Add<TStore, TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IServiceCollection services, Action<TOptions>? configure)
        where TStore : class, IResourceStore
        where TOptions : class, ICompactionSettings
        where TValidator : class, IValidateOptions<TOptions>
    {
        SingleRegistration.EnsureSingle<IResourceStore, TStore>(services, "storage backend");

        // ValidateOnStart adds a startup-validation action per call, so it runs only for the first registration.
        if (!services.Any(d => d.ServiceType == typeof(IResourceStore)))
        {
            services.AddOptionsWithValidateOnStart<TOptions, TValidator>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceStore, TStore>();
        services.TryAddSingleton<ICompactionSettings>(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CompactionService>());
    }
}

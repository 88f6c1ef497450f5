#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.DependencyInjection;
using SuperKube.Storage;
using SuperKube.Storage.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL storage backend.</summary>
public static class PostgresSuperKubeBuilderExtensions
{
    /// <summary>
    /// Stores objects and the change log in PostgreSQL (a database several servers can share), runs the schema
    /// migrations when the host starts and compacts the change log periodically (one server at a time). Throws
    /// <see cref="InvalidOperationException"/> when another storage backend is already registered.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Changes the <see cref="PostgresStorageOptions"/>; validated when the host starts.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddPostgresStorage(this ISuperKubeBuilder builder, Action<PostgresStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        SingleRegistration.EnsureSingle<IResourceStore, PostgresResourceStore>(services, "storage backend");

        // ValidateOnStart adds a startup-validation action per call, so it runs only for the first registration.
        if (!services.Any(d => d.ServiceType == typeof(IResourceStore)))
        {
            services.AddOptionsWithValidateOnStart<PostgresStorageOptions, PostgresStorageOptionsValidator>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceStore, PostgresResourceStore>();
        services.TryAddSingleton<ICompactionSettings>(sp => sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CompactionService>());
        return builder;
    }
}

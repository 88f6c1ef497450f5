#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.DependencyInjection;
using SuperKube.Storage;
using SuperKube.Storage.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite storage backend.</summary>
public static class SqliteSuperKubeBuilderExtensions
{
    /// <summary>
    /// Stores objects and the change log in SQLite, initialises the store when the host starts and compacts the
    /// change log periodically. Throws <see cref="InvalidOperationException"/> when another storage backend is
    /// already registered.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Changes the <see cref="SqliteStorageOptions"/>; validated when the host starts.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddSqliteStorage(this ISuperKubeBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        SingleRegistration.EnsureSingle<IResourceStore, SqliteResourceStore>(services, "storage backend");

        // ValidateOnStart adds a startup-validation action per call, so it runs only for the first registration.
        if (!services.Any(d => d.ServiceType == typeof(IResourceStore)))
        {
            services.AddOptionsWithValidateOnStart<SqliteStorageOptions, SqliteStorageOptionsValidator>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceStore, SqliteResourceStore>();
        services.TryAddSingleton<ICompactionSettings>(sp => sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CompactionService>());
        return builder;
    }
}

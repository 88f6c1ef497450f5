#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

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
        StorageRegistration.Add<PostgresResourceStore, PostgresStorageOptions, PostgresStorageOptionsValidator>(builder.Services, configure);
        return builder;
    }
}

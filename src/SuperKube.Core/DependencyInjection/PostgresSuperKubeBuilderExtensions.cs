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
    /// migrations when the host starts and compacts the change log periodically (one server at a time). Controllers and
    /// the scheduler take their leases in the database (<see cref="PostgresLeaseOptions"/>), so each runs on one
    /// server at a time. Throws
    /// <see cref="InvalidOperationException"/> when another storage backend is already registered.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Changes the <see cref="PostgresStorageOptions"/>; validated when the host starts.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddPostgresStorage(this ISuperKubeBuilder builder, Action<PostgresStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StorageRegistration.Add<PostgresResourceStore, PostgresStorageOptions, PostgresStorageOptionsValidator>(builder.Services, configure);
        PostgresLeaseRegistration.Add(builder.Services);
        return builder;
    }

    /// <summary>
    /// Changes the <see cref="PostgresLeaseOptions"/> of the leases added with <see cref="AddPostgresStorage"/> (duration,
    /// renewal and retry intervals, holder identity); validated when the host starts.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Changes the <see cref="PostgresLeaseOptions"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder ConfigurePostgresLeases(this ISuperKubeBuilder builder, Action<PostgresLeaseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}

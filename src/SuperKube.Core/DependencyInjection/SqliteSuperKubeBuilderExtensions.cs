#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

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
        StorageRegistration.Add<SqliteResourceStore, SqliteStorageOptions, SqliteStorageOptionsValidator>(builder.Services, configure);
        return builder;
    }
}

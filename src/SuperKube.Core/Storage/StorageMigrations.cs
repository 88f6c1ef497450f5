using System.Globalization;

namespace SuperKube.Storage;

/// <summary>Finds a backend's embedded schema scripts, named NNNN_description.sql under one resource prefix.</summary>
internal static class StorageMigrations
{
    /// <summary>The scripts under <paramref name="resourcePrefix"/> (e.g. <c>SuperKube.Storage.Sqlite.Sql.</c>), by version.</summary>
    public static IReadOnlyList<StorageMigration> Find(string resourcePrefix)
    {
        var migrations = new List<StorageMigration>();
        foreach (var resource in typeof(StorageMigrations).Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[resourcePrefix.Length..^".sql".Length];
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !long.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' is not named NNNN_description.sql.");
            }

            migrations.Add(new StorageMigration(version, name, resource));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }
}

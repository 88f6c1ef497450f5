namespace SuperKube.Storage;

/// <summary>One numbered schema script embedded in the assembly (NNNN_description.sql).</summary>
internal sealed record StorageMigration(long Version, string Name, string Resource)
{
    /// <summary>The script's text (an embedded resource, never built from input).</summary>
    public string ReadScript()
    {
        using var stream = typeof(StorageMigration).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded migration '{Resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>Finds the repository (the folder holding SuperKube.sln) from the working or the build directory.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SuperKube.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("SuperKube.sln not found above the working directory; pass --server PATH/superkube.dll");
    }
}

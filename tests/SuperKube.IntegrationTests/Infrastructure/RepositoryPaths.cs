namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>Finds files of this repository from the test binaries' location.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SuperKube.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("SuperKube.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The built assembly of a project under <paramref name="projectDir"/> (any configuration).</summary>
    public static string BuiltAssembly(string projectDir, string assemblyName)
    {
        var bin = Path.Combine(Root, projectDir, "bin");
        var candidates = Directory.Exists(bin)
            ? Directory.GetFiles(bin, assemblyName + ".dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new FileNotFoundException($"{assemblyName}.dll is not built under {bin}");
    }

    /// <summary>A free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

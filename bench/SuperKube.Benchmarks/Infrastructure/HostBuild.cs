using System.Diagnostics;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>Publishes src/SuperKube.Host in Release so the server runs exactly as a user would run it.</summary>
internal static class HostBuild
{
    /// <summary>Publishes into <c>bench/artifacts/superkube</c> and returns the path of superkube.dll.</summary>
    public static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var output = Path.Combine(root, "bench", "artifacts", "superkube");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(root, "src", "SuperKube.Host"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Console.WriteLine($"Publishing src/SuperKube.Host (Release) to {output} ...");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "superkube.dll");
    }
}

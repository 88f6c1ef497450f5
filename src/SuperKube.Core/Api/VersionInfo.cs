using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace SuperKube.Api;

/// <summary>The <c>/version</c> document: SuperKube implements the Kubernetes 1.32 API.</summary>
internal static class VersionInfo
{
    public const string KubernetesVersion = "v1.32.4";

    public static JsonObject Document() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = KubernetesVersion,
        ["gitCommit"] = typeof(VersionInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-11-21T00:00:00Z",
        ["goVersion"] = "dotnet" + Environment.Version,
        ["compiler"] = "superkube",
        ["platform"] = $"{(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : "windows")}/{(RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64")}",
    };
}

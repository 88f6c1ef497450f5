using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Streaming;

/// <summary>The Status a remote command ends with on channel 3 (kubectl turns NonZeroExitCode into its own exit code).</summary>
internal static class ExitStatus
{
    public static JsonObject For(int exitCode)
    {
        if (exitCode == 0)
        {
            return new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" };
        }

        var code = exitCode.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"command terminated with non-zero exit code: exit status {code}",
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = code }) },
        };
    }

    public static JsonObject Failure(string message) =>
        new() { ["metadata"] = new JsonObject(), ["status"] = "Failure", ["message"] = message, ["reason"] = "InternalError", ["code"] = 500 };
}

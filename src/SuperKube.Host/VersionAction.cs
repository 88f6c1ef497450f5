using System.CommandLine;
using System.CommandLine.Invocation;

namespace SuperKube.Host;

/// <summary><c>superkube --version</c>: prints <see cref="BuildVersion.Line"/>.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(BuildVersion.Line);
        return 0;
    }
}

using Microsoft.Extensions.Options;

namespace SuperKube.Runtime.Streaming.NodeServer;

/// <summary>Checks <see cref="NodeStreamServerOptions"/> at host start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class NodeStreamServerOptionsValidator : IValidateOptions<NodeStreamServerOptions>;

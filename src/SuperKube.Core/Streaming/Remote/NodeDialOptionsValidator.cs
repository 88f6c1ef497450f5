using Microsoft.Extensions.Options;

namespace SuperKube.Streaming.Remote;

/// <summary>Checks <see cref="NodeDialOptions"/> at host start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class NodeDialOptionsValidator : IValidateOptions<NodeDialOptions>;

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace SuperKube.Protobuf;

/// <summary>
/// The protobuf schema tables: message layouts taken from the public generated.proto files of k8s.io/api and
/// k8s.io/apimachinery, with the JSON names of the Go types, and the kinds that can be decoded.
/// </summary>
internal sealed class ProtoSchemas
{
    private static readonly Lazy<ProtoSchemas> BuiltIn = new(CreateBuiltIn);

    private readonly FrozenDictionary<string, ProtoMessage> _messages;
    private readonly FrozenDictionary<(string ApiVersion, string Kind), string> _kinds;

    internal ProtoSchemas(IDictionary<string, ProtoMessage> messages, IDictionary<(string ApiVersion, string Kind), string> kinds)
    {
        _messages = messages.ToFrozenDictionary(StringComparer.Ordinal);
        _kinds = kinds.ToFrozenDictionary();
    }

    /// <summary>The tables for the built-in kinds that kubectl's generator commands send.</summary>
    public static ProtoSchemas Default => BuiltIn.Value;

    public IEnumerable<(string ApiVersion, string Kind)> Kinds => _kinds.Keys;

    public ProtoMessage this[string name] => _messages[name];

    public bool TryGetKind(string apiVersion, string kind, [NotNullWhen(true)] out ProtoMessage? message)
    {
        message = _kinds.TryGetValue((apiVersion, kind), out var name) ? _messages[name] : null;
        return message is not null;
    }

    private static ProtoSchemas CreateBuiltIn()
    {
        var builder = new ProtoSchemaBuilder();
        MetaSchemas.Register(builder);
        CoreSchemas.Register(builder);
        PodSchemas.Register(builder);
        WorkloadSchemas.Register(builder);
        RbacSchemas.Register(builder);
        NetworkingSchemas.Register(builder);
        PolicySchemas.Register(builder);
        AuthSchemas.Register(builder);
        return builder.Build();
    }
}

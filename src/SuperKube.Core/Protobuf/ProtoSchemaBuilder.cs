namespace SuperKube.Protobuf;

/// <summary>Collects message schemas and the (apiVersion, kind) pairs that map to a top-level message.</summary>
internal sealed class ProtoSchemaBuilder
{
    private readonly Dictionary<string, ProtoMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ApiVersion, string Kind), string> _kinds = [];

    public ProtoSchemaBuilder Message(string name, Func<ProtoMessageBuilder, ProtoMessageBuilder> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (_messages.ContainsKey(name))
        {
            throw new InvalidOperationException($"protobuf message {name} is declared twice");
        }

        try
        {
            _messages[name] = new ProtoMessage(name, fields(new ProtoMessageBuilder()).Fields);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"protobuf message {name}: {ex.Message}", ex);
        }

        return this;
    }

    /// <summary>Declares that objects of <paramref name="apiVersion"/>/<paramref name="kind"/> are encoded as <paramref name="message"/>.</summary>
    public ProtoSchemaBuilder Kind(string apiVersion, string kind, string? message = null)
    {
        _kinds.Add((apiVersion, kind), message ?? kind);
        return this;
    }

    /// <summary>Checks that every referenced message exists and freezes the tables.</summary>
    public ProtoSchemas Build()
    {
        foreach (var message in _messages.Values)
        {
            foreach (var field in message.Fields.Values)
            {
                if (field.Kind is ProtoKind.Message or ProtoKind.Inline && (field.MessageType is null || !_messages.ContainsKey(field.MessageType)))
                {
                    throw new InvalidOperationException($"protobuf message {message.Name} field {field.Number} refers to unknown message {field.MessageType}");
                }
            }
        }

        foreach (var (key, message) in _kinds)
        {
            if (!_messages.ContainsKey(message))
            {
                throw new InvalidOperationException($"{key.ApiVersion}/{key.Kind} refers to unknown message {message}");
            }
        }

        return new ProtoSchemas(_messages, _kinds);
    }
}

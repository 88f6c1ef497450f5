namespace SuperKube.Storage;

/// <summary>The object to update or delete does not exist.</summary>
public sealed class ResourceNotFoundException : Exception
{
    public ResourceNotFoundException(ObjectKey key) : base($"{key} not found") => Key = key;

    public ResourceNotFoundException() { }

    public ResourceNotFoundException(string message) : base(message) { }

    public ResourceNotFoundException(string message, Exception inner) : base(message, inner) { }

    public ObjectKey Key { get; }
}

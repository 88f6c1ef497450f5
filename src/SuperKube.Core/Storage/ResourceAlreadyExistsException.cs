namespace SuperKube.Storage;

/// <summary>A create found an object with the same key.</summary>
public sealed class ResourceAlreadyExistsException : Exception
{
    public ResourceAlreadyExistsException(ObjectKey key) : base($"{key} already exists") => Key = key;

    public ResourceAlreadyExistsException() { }

    public ResourceAlreadyExistsException(string message) : base(message) { }

    public ResourceAlreadyExistsException(string message, Exception inner) : base(message, inner) { }

    public ObjectKey Key { get; }
}

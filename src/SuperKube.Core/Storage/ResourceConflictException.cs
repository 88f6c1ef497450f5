namespace SuperKube.Storage;

/// <summary>A write's precondition did not hold: the stored revision differs from the expected one.</summary>
public sealed class ResourceConflictException : Exception
{
    public ResourceConflictException(ObjectKey key, long expected, long actual)
        : base($"{key}: expected revision {expected}, stored revision is {actual}")
    {
        Key = key;
    }

    public ResourceConflictException(string message) : base(message) { }

    public ResourceConflictException() { }

    public ResourceConflictException(string message, Exception inner) : base(message, inner) { }

    public ObjectKey Key { get; }
}

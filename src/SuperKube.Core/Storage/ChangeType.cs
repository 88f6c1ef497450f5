namespace SuperKube.Storage;

/// <summary>The kind of a change in the change log; the names match watch event types.</summary>
public enum ChangeType
{
    Added,
    Modified,
    Deleted,
}

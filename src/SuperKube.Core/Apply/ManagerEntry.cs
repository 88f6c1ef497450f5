namespace SuperKube.Apply;

/// <summary>One entry of <c>metadata.managedFields</c>: a manager, how it wrote (Apply or Update) and what it owns.</summary>
/// <param name="Manager">The field manager name.</param>
/// <param name="Operation"><c>Apply</c> or <c>Update</c>.</param>
/// <param name="ApiVersion">The API version the manager wrote with.</param>
/// <param name="Time">When the manager last changed the object (RFC 3339), or null.</param>
/// <param name="Subresource">The subresource written through (<c>status</c>, <c>scale</c>), or empty.</param>
/// <param name="Fields">The owned fields.</param>
internal sealed record ManagerEntry(string Manager, string Operation, string ApiVersion, string? Time, string Subresource, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>True when both entries stand for the same manager: the API version counts for Update entries only.</summary>
    public bool SameManager(ManagerEntry other) =>
        Manager == other.Manager && Operation == other.Operation && Subresource == other.Subresource &&
        (Operation == Apply || ApiVersion == other.ApiVersion);

    /// <summary>The manager as conflict messages print it: <c>"kubectl"</c>, <c>"x" with subresource "status" using v1</c>.</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (Subresource.Length > 0)
        {
            text += $" with subresource \"{Subresource}\"";
        }

        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }
}

namespace SuperKube.Events;

/// <summary>What an Event is about: the <c>involvedObject</c> reference (and <c>fieldPath</c> for a container).</summary>
internal sealed record InvolvedObject(
    string ApiVersion, string Kind, string Namespace, string Name, string? Uid, string? ResourceVersion, string? FieldPath = null);

using SuperKube.Security;

namespace SuperKube.Resources;

/// <summary>Who writes and how: the options every write carries (query parameters of the HTTP request).</summary>
public sealed class WriteContext
{
    public required UserInfo User { get; init; }

    /// <summary><c>dryRun=All</c>: validate and admit, store nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The field manager (query <c>fieldManager</c>, else derived from the user agent).</summary>
    public string FieldManager { get; init; } = "";

    public FieldValidation FieldValidation { get; init; } = FieldValidation.Strict;

    /// <summary>Warnings to return as <c>Warning:</c> headers.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>A context for in-process components.</summary>
    public static WriteContext Internal(string manager) => new() { User = UserInfo.Internal, FieldManager = manager };
}

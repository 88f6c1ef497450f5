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

    /// <summary>How unknown and duplicate fields in request bodies are treated; upstream's default is Warn.</summary>
    public FieldValidation FieldValidation { get; init; } = FieldValidation.Warn;

    /// <summary>Warnings to return as <c>Warning:</c> headers.</summary>
    public List<string> Warnings { get; private init; } = [];

    /// <summary>True for server-side apply, which computes managedFields itself instead of from the change.</summary>
    internal bool IsApply { get; private init; }

    /// <summary>A context for in-process components: their objects are not checked for unknown fields.</summary>
    public static WriteContext Internal(string manager) =>
        new() { User = UserInfo.Internal, FieldManager = manager, FieldValidation = FieldValidation.Ignore };

    /// <summary>The same context for a server-side apply (sharing the warnings).</summary>
    internal WriteContext ForApply() => new()
    {
        User = User,
        DryRun = DryRun,
        FieldManager = FieldManager,
        FieldValidation = FieldValidation,
        Warnings = Warnings,
        IsApply = true,
    };
}

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// What a plugin returns: a <see cref="SchedulingStatusCode"/>, the reasons shown to users (in FailedScheduling
/// events, counted per node) and, for errors, the exception. Immutable.
/// </summary>
public sealed class SchedulingStatus
{
    private SchedulingStatus(SchedulingStatusCode code, IReadOnlyList<string> reasons, Exception? exception = null, string? plugin = null)
    {
        Code = code;
        Reasons = reasons;
        Exception = exception;
        Plugin = plugin;
    }

    /// <summary>The shared success status.</summary>
    public static SchedulingStatus Success { get; } = new(SchedulingStatusCode.Success, []);

    /// <summary>The shared skip status.</summary>
    public static SchedulingStatus Skip { get; } = new(SchedulingStatusCode.Skip, []);

    public SchedulingStatusCode Code { get; }

    /// <summary>Short user-facing reasons such as <c>Insufficient cpu</c>.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The exception behind an <see cref="SchedulingStatusCode.Error"/>, when there was one.</summary>
    public Exception? Exception { get; }

    /// <summary>The plugin that returned the status; filled in by the framework.</summary>
    public string? Plugin { get; }

    /// <summary>The reasons joined by ", ".</summary>
    public string Message => string.Join(", ", Reasons);

    public bool IsSuccess => Code == SchedulingStatusCode.Success;

    /// <summary>True for Unschedulable and UnschedulableAndUnresolvable.</summary>
    public bool IsRejected => Code is SchedulingStatusCode.Unschedulable or SchedulingStatusCode.UnschedulableAndUnresolvable;

    public static SchedulingStatus Unschedulable(params string[] reasons) => new(SchedulingStatusCode.Unschedulable, reasons);

    public static SchedulingStatus UnschedulableAndUnresolvable(params string[] reasons) =>
        new(SchedulingStatusCode.UnschedulableAndUnresolvable, reasons);

    public static SchedulingStatus Error(string message) => new(SchedulingStatusCode.Error, [message]);

    public static SchedulingStatus Error(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(SchedulingStatusCode.Error, [exception.Message], exception);
    }

    public static SchedulingStatus Wait(string? reason = null) => new(SchedulingStatusCode.Wait, reason is null ? [] : [reason]);

    /// <summary>A copy that names the plugin which returned it.</summary>
    public SchedulingStatus WithPlugin(string plugin) =>
        plugin == Plugin || Code is SchedulingStatusCode.Success or SchedulingStatusCode.Skip ? this : new(Code, Reasons, Exception, plugin);

    public override string ToString() => Reasons.Count == 0 ? Code.ToString() : $"{Code}: {Message}";
}

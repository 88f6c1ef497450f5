using System.Data.Common;
using System.Net.Sockets;

namespace SuperKube.Host;

/// <summary>
/// The one line <c>superkube server</c> prints when it cannot start: the cause, its inner cause, and what to do for
/// the failures an operator meets first (port taken, database unreachable).
/// </summary>
internal static class StartupFailure
{
    /// <summary>Failures that are the environment's, not a bug: printed as one line instead of a stack trace.</summary>
    public static bool IsExpected(Exception ex) =>
        ex is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or DbException or SocketException
            or Microsoft.Extensions.Options.OptionsValidationException;

    public static string Describe(Exception ex)
    {
        var message = ex.Message.TrimEnd('.');
        if (ex.InnerException is { } inner && !message.Contains(inner.Message.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            message += $" ({inner.Message.TrimEnd('.')})";
        }

        if (ex is DbException)
        {
            return $"superkube: failed to start: cannot open the database given by --db-url or DATABASE_URL: {message}. Check that the database server is running and reachable, and the URL's host, port, user and password.";
        }

        if (ex is IOException && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            return $"superkube: failed to start: {message}. Another process listens on that port (is another superkube running?): stop it or choose another --port.";
        }

        return $"superkube: failed to start: {message}.";
    }
}

using System.Globalization;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// Converts libpq-style URLs (<c>postgres://user:pass@host:port/db?sslmode=require</c>) into Npgsql connection
/// strings. Percent-escapes are decoded; query parameters map to Npgsql settings (libpq names such as sslmode,
/// sslrootcert, application_name or connect_timeout, or Npgsql keywords), so TLS and pooling options pass through.
/// </summary>
public static class PostgresUrl
{
    private static readonly Dictionary<string, string> s_libpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
    };

    /// <summary>True when <paramref name="url"/> has the postgres:// or postgresql:// scheme.</summary>
    public static bool IsPostgresUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Npgsql connection string equivalent to <paramref name="url"/>.</summary>
    /// <exception cref="FormatException">The URL is malformed or names an unknown parameter (messages never echo the URL,
    /// which may hold a password).</exception>
    public static string ToConnectionString(string url)
    {
        if (!IsPostgresUrl(url))
        {
            throw new FormatException("The URL must start with postgres:// or postgresql://.");
        }

        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var builder = new NpgsqlConnectionStringBuilder();
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? "" : rest[(queryStart + 1)..];
        rest = queryStart < 0 ? rest : rest[..queryStart];

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        if (pathStart >= 0 && pathStart + 1 < rest.Length)
        {
            builder.Database = Uri.UnescapeDataString(rest[(pathStart + 1)..]);
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }

            authority = authority[(at + 1)..];
        }

        SetHostAndPort(builder, Uri.UnescapeDataString(authority));
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            Set(builder, name, value);
        }

        return builder.ConnectionString;
    }

    /// <summary>Where a connection string points, without credentials: <c>user@host:port/database</c>.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return string.Create(CultureInfo.InvariantCulture, $"{user}{builder.Host}:{builder.Port}/{builder.Database}");
    }

    private static void SetHostAndPort(NpgsqlConnectionStringBuilder builder, string hostAndPort)
    {
        if (hostAndPort.Length == 0)
        {
            return;
        }

        if (hostAndPort.Contains(',', StringComparison.Ordinal))
        {
            builder.Host = hostAndPort; // Npgsql takes the same "host:port,host:port" list for failover.
            return;
        }

        string host;
        string? port = null;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("PostgreSQL URL: unterminated IPv6 address.");
            }

            host = hostAndPort[1..close];
            var after = hostAndPort[(close + 1)..];
            port = after.StartsWith(':') ? after[1..] : after.Length == 0 ? null : throw new FormatException("PostgreSQL URL: bad host.");
        }
        else
        {
            var colon = hostAndPort.LastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort[..colon];
            port = colon < 0 ? null : hostAndPort[(colon + 1)..];
        }

        builder.Host = host;
        if (port is not null)
        {
            builder.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
                ? number
                : throw new FormatException($"PostgreSQL URL: port \"{port}\" is not a number from 1 to 65535.");
        }
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        var keyword = s_libpqNames.GetValueOrDefault(name, name);
        if (keyword == "SSL Mode")
        {
            value = value.Replace("-", "", StringComparison.Ordinal); // libpq's verify-full is Npgsql's VerifyFull
        }

        try
        {
            builder[keyword] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"PostgreSQL URL: parameter \"{name}\" is not supported or has a bad value ({ex.Message}).", ex);
        }
    }
}

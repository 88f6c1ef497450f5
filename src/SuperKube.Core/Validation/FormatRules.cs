using System.Text.RegularExpressions;

namespace SuperKube.Validation;

/// <summary>The port, environment-variable and config-key rules of apimachinery's <c>util/validation</c>, with the
/// real server's messages.</summary>
internal static partial class FormatRules
{
    private const string EnvVarNameFmt = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string EnvVarNameErrMsg =
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
    private const string RelaxedEnvVarNameErrMsg =
        "a valid environment variable name must consist only of printable ASCII characters other than '='";
    private const string ConfigMapKeyFmt = "[-._a-zA-Z0-9]+";
    private const string ConfigMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    public static string InclusiveRangeError(long low, long high) => $"must be between {low} and {high}, inclusive";

    /// <summary>A port number: 1 to 65535.</summary>
    public static IReadOnlyList<string> IsValidPortNum(long port) =>
        port is >= 1 and <= 65535 ? [] : [InclusiveRangeError(1, 65535)];

    /// <summary>An IANA service name used as a port name: at most 15 of [-a-z0-9], with a letter, no '--', no edge '-'.</summary>
    public static IReadOnlyList<string> IsValidPortName(string port)
    {
        var errors = new List<string>();
        if (port.Length > 15)
        {
            errors.Add(NameRules.MaxLenError(15));
        }

        if (!PortNameCharset().IsMatch(port))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!port.Any(c => c is >= 'a' and <= 'z'))
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (port.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (port.Length > 0 && (port[0] == '-' || port[^1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    /// <summary>The strict environment variable name rule (before RelaxedEnvironmentVariableValidation).</summary>
    public static IReadOnlyList<string> IsEnvVarName(string value)
    {
        var errors = new List<string>();
        if (!EnvVarName().IsMatch(value))
        {
            errors.Add(NameRules.RegexError(EnvVarNameErrMsg, EnvVarNameFmt, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }

        errors.AddRange(ChDirPrefix(value));
        return errors;
    }

    /// <summary>The relaxed environment variable name rule, on by default in 1.32: printable ASCII except '='.</summary>
    public static IReadOnlyList<string> IsRelaxedEnvVarName(string value)
    {
        var errors = new List<string>();
        if (value.Length == 0)
        {
            errors.Add("environment variable name " + NameRules.EmptyError);
        }

        if (value.Any(c => c is < ' ' or > '~' or '='))
        {
            errors.Add(RelaxedEnvVarNameErrMsg);
        }

        return errors;
    }

    /// <summary>A key of ConfigMap or Secret data.</summary>
    public static IReadOnlyList<string> IsConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (NameRules.ByteLength(value) > NameRules.Dns1123SubdomainMaxLength)
        {
            errors.Add(NameRules.MaxLenError(NameRules.Dns1123SubdomainMaxLength));
        }

        if (!ConfigMapKey().IsMatch(value))
        {
            errors.Add(NameRules.RegexError(ConfigMapKeyErrMsg, ConfigMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
        }

        errors.AddRange(ChDirPrefix(value));
        return errors;
    }

    private static IEnumerable<string> ChDirPrefix(string value)
    {
        if (value == ".")
        {
            yield return "must not be '.'";
        }
        else if (value == "..")
        {
            yield return "must not be '..'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameCharset();

    [GeneratedRegex("^(?:" + EnvVarNameFmt + ")\\z")]
    private static partial Regex EnvVarName();

    [GeneratedRegex("^(?:" + ConfigMapKeyFmt + ")\\z")]
    private static partial Regex ConfigMapKey();
}

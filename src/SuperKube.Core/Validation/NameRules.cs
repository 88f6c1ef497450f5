using System.Text;
using System.Text.RegularExpressions;
using SuperKube.Registry;

namespace SuperKube.Validation;

/// <summary>
/// The name and label rules of apimachinery's <c>util/validation</c>. The messages are the real server's, word for
/// word (including its double space between examples), because kubectl users know and search for them.
/// </summary>
internal static partial class NameRules
{
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;
    public const string EmptyError = "must be non-empty";

    private const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFmt = Dns1123LabelFmt + "(\\." + Dns1123LabelFmt + ")*";
    private const string Dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";

    private const string Dns1123LabelErrMsg =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainErrMsg =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelErrMsg =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private const string QualifiedNameErrMsg =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueErrMsg =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    /// <summary>A DNS-1123 subdomain: most object names.</summary>
    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }

        if (!Dns1123Subdomain().IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainErrMsg, Dns1123SubdomainFmt, "example.com"));
        }

        return errors;
    }

    /// <summary>A DNS-1123 label: namespace names, container names, port names of services.</summary>
    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLenError(Dns1123LabelMaxLength));
        }

        if (!Dns1123Label().IsMatch(value))
        {
            // A valid subdomain that is not a valid label can only be wrong by its dots (length was checked above).
            errors.Add(Dns1123Subdomain().IsMatch(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelErrMsg, Dns1123LabelFmt, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A DNS-1035 label (starts with a letter): service names.</summary>
    public static IReadOnlyList<string> IsDns1035Label(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLenError(Dns1123LabelMaxLength));
        }

        if (!Dns1035Label().IsMatch(value))
        {
            errors.Add(RegexError(Dns1035LabelErrMsg, Dns1035LabelFmt, "my-name", "abc-123"));
        }

        return errors;
    }

    /// <summary>A qualified name (label keys, annotation keys, finalizers): an optional DNS subdomain prefix and '/',
    /// then a name of at most 63 characters.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part " + EmptyError);
                }
                else
                {
                    errors.AddRange(IsDns1123Subdomain(parts[0]).Select(m => "prefix part " + m));
                }

                break;
            default:
                errors.Add("a qualified name " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc") +
                    " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyError);
        }
        else if (ByteLength(name) > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLenError(QualifiedNameMaxLength));
        }

        if (!QualifiedName().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A label value: empty, or at most 63 characters of the qualified-name alphabet.</summary>
    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > LabelValueMaxLength)
        {
            errors.Add(MaxLenError(LabelValueMaxLength));
        }

        if (!LabelValue().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueErrMsg, LabelValueFmt, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary>A name usable as one URL path segment (RBAC names): not '.' or '..', without '/' or '%'.</summary>
    public static IReadOnlyList<string> IsPathSegmentName(string value) =>
        value is "." or ".." ? [$"may not be '{value}'"] : IsPathSegmentPrefix(value);

    /// <summary>A generateName prefix for path-segment names: without '/' or '%'.</summary>
    public static IReadOnlyList<string> IsPathSegmentPrefix(string value)
    {
        var errors = new List<string>();
        foreach (var illegal in (ReadOnlySpan<string>)["/", "%"])
        {
            if (value.Contains(illegal, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{illegal}'");
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks a name (or, with <paramref name="prefix"/>, a generateName prefix, whose trailing '-' is allowed) against
    /// a resource's naming rule.
    /// </summary>
    public static IReadOnlyList<string> ForName(NamePolicy policy, string name, bool prefix) => policy switch
    {
        NamePolicy.Label => IsDns1123Label(prefix ? MaskTrailingDash(name) : name),
        NamePolicy.PathSegment => prefix ? IsPathSegmentPrefix(name) : IsPathSegmentName(name),
        _ => IsDns1123Subdomain(prefix ? MaskTrailingDash(name) : name),
    };

    public static string MaxLenError(int length) => $"must be no more than {length} characters";

    /// <summary>The real server's explanation of a failed pattern, with examples.</summary>
    public static string RegexError(string message, string pattern, params ReadOnlySpan<string> examples)
    {
        if (examples.IsEmpty)
        {
            return $"{message} (regex used for validation is '{pattern}')";
        }

        var sb = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            sb.Append(i > 0 ? " or " : "").Append('\'').Append(examples[i]).Append("', ");
        }

        return sb.Append("regex used for validation is '").Append(pattern).Append("')").ToString();
    }

    /// <summary>Length as Go counts it (UTF-8 bytes).</summary>
    public static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);

    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name[^1] == '-' ? name[..^1] + "a" : name;

    [GeneratedRegex("^(?:" + Dns1123LabelFmt + ")\\z")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^(?:" + Dns1123SubdomainFmt + ")\\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^(?:" + Dns1035LabelFmt + ")\\z")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^(?:" + QualifiedNameFmt + ")\\z")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^(?:" + LabelValueFmt + ")\\z")]
    private static partial Regex LabelValue();
}

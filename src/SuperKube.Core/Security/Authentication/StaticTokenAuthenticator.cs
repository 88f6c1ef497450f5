using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SuperKube.Security.Authentication;

/// <summary>
/// Bearer tokens from a static token file (<c>token,user,uid,"group1,group2"</c> per line, as kube-apiserver's
/// <c>--token-auth-file</c>) and the node-join token: a node presenting it names itself in the
/// <see cref="NodeJoin.NodeNameHeader"/> header and becomes <c>system:node:NAME</c> in <c>system:nodes</c>.
/// </summary>
internal sealed class StaticTokenAuthenticator : IAuthenticator
{
    private readonly Dictionary<string, UserInfo> _users = new(StringComparer.Ordinal);
    private readonly byte[] _nodeToken;

    public StaticTokenAuthenticator(IEnumerable<string> tokenFileLines, string nodeToken)
    {
        foreach (var line in tokenFileLines)
        {
            if (Parse(line) is var (token, user))
            {
                _users[token] = user;
            }
        }

        _nodeToken = Encoding.UTF8.GetBytes(nodeToken);
    }

    public ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BearerToken.From(context.Request) is { } token ? Authenticate(token, context.Request.Headers[NodeJoin.NodeNameHeader].ToString()) : null);

    public UserInfo? Authenticate(string token, string nodeName)
    {
        if (_users.TryGetValue(token, out var user))
        {
            return user;
        }

        if (_nodeToken.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _nodeToken) && IsNodeName(nodeName))
        {
            return Users.Authenticated("system:node:" + nodeName, ["system:nodes"]);
        }

        return null;
    }

    /// <summary>One line of a token file, or null for blank, comment or malformed lines.</summary>
    public static (string Token, UserInfo User)? Parse(string line)
    {
        var fields = SplitCsv(line.Trim());
        if (fields.Count < 3 || fields[0].Length == 0 || fields[1].Length == 0 || fields[0].StartsWith('#'))
        {
            return null;
        }

        var groups = fields.Count > 3 ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        return (fields[0], Users.Authenticated(fields[1], groups, fields[2]));
    }

    private static bool IsNodeName(string name) =>
        name.Length is > 0 and <= 253 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

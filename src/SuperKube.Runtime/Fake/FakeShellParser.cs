using System.Text;
using static SuperKube.Runtime.Fake.FakeShellSyntax;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// Parses the shell scripts pods commonly run (<c>sh -c "echo hi; sleep 5; exit 1"</c>, <c>while true; do ...; done</c>,
/// <c>if</c>, <c>&amp;&amp;</c>, <c>||</c>, redirections, quotes and <c>$VAR</c> expansion) into statements.
/// </summary>
internal sealed class FakeShellParser
{
    private readonly List<(string Text, bool Operator)> _tokens;
    private int _position;

    private FakeShellParser(List<(string, bool)> tokens) => _tokens = tokens;

    public static Node Parse(string script, IReadOnlyDictionary<string, string> environment)
    {
        var parser = new FakeShellParser(Tokenize(script, environment));
        var node = parser.ParseList(stopWords: []);
        return node;
    }

    private Node ParseList(string[] stopWords)
    {
        var items = new List<Node>();
        while (true)
        {
            SkipSeparators();
            if (AtEnd || (Peek is { Operator: false } word && stopWords.Contains(word.Text)))
            {
                break;
            }

            items.Add(ParseAndOr(stopWords));
        }

        return items.Count == 1 ? items[0] : new Sequence(items);
    }

    private Node ParseAndOr(string[] stopWords)
    {
        var left = ParseStatement(stopWords);
        while (Peek is { Operator: true, Text: "&&" or "||" } op)
        {
            _position++;
            var right = ParseStatement(stopWords);
            left = new Conditional(left, op.Text == "&&", right);
        }

        return left;
    }

    private Node ParseStatement(string[] stopWords)
    {
        if (Peek is { Operator: false, Text: "while" or "until" } keyword)
        {
            _position++;
            var condition = ParseList(["do"]);
            Expect("do");
            var body = ParseList(["done"]);
            Expect("done");
            return keyword.Text == "while" ? new While(condition, body) : new While(new Conditional(condition, false, new Command(["false"])), body);
        }

        if (Peek is { Operator: false, Text: "if" })
        {
            _position++;
            var condition = ParseList(["then"]);
            Expect("then");
            var then = ParseList(["else", "fi"]);
            Node? otherwise = null;
            if (Peek is { Operator: false, Text: "else" })
            {
                _position++;
                otherwise = ParseList(["fi"]);
            }

            Expect("fi");
            return new If(condition, then, otherwise);
        }

        var words = new List<string>();
        string? redirect = null;
        var append = false;
        while (Peek is { } token && !(token.Operator && token.Text is ";" or "&&" or "||") && !(words.Count == 0 && !token.Operator && stopWords.Contains(token.Text)))
        {
            _position++;
            if (token.Operator && token.Text is "2>" or "<")
            {
                _position++;
            }
            else if (token.Operator && token.Text is ">" or ">>")
            {
                redirect = Peek is { Operator: false } target ? target.Text : throw new FormatException("missing redirection target");
                append = token.Text == ">>";
                _position++;
            }
            else if (!token.Operator)
            {
                words.Add(token.Text);
            }
        }

        return new Command(words, redirect, append);
    }

    private bool AtEnd => _position >= _tokens.Count;

    private (string Text, bool Operator)? Peek => AtEnd ? null : _tokens[_position];

    private void SkipSeparators()
    {
        while (Peek is { Operator: true, Text: ";" })
        {
            _position++;
        }
    }

    private void Expect(string keyword)
    {
        SkipSeparators();
        if (Peek is not { Operator: false } token || token.Text != keyword)
        {
            throw new FormatException($"syntax error: expected \"{keyword}\"");
        }

        _position++;
    }

    private static List<(string, bool)> Tokenize(string script, IReadOnlyDictionary<string, string> environment)
    {
        var tokens = new List<(string, bool)>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        void EndWord()
        {
            if (inWord)
            {
                tokens.Add((word.ToString(), false));
                word.Clear();
                inWord = false;
            }
        }

        while (i < script.Length)
        {
            var c = script[i];
            if (c is ' ' or '\t')
            {
                EndWord();
                i++;
            }
            else if (c == '>' && inWord && word.ToString() is "1" or "2")
            {
                // An fd redirection (2>&1, 2>/dev/null): output of the fake processes is not split that finely.
                word.Clear();
                inWord = false;
                i++;
                if (i < script.Length && script[i] == '&')
                {
                    i += 2;
                }
                else
                {
                    tokens.Add(("2>", true));
                }
            }
            else if (c is '\n' or ';' or '|' or '&' or '>' or '<')
            {
                EndWord();
                var two = i + 1 < script.Length ? script.Substring(i, 2) : "";
                if (two is "&&" or "||" or ">>")
                {
                    tokens.Add((two, true));
                    i += 2;
                }
                else if (c is '>' or '<')
                {
                    tokens.Add((c.ToString(), true));
                    i++;
                }
                else
                {
                    // Pipes and background jobs run in sequence here: enough for the scripts pods run.
                    tokens.Add((";", true));
                    i++;
                }
            }
            else if (c == '#' && !inWord)
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\'')
            {
                var end = script.IndexOf('\'', i + 1);
                end = end < 0 ? script.Length : end;
                word.Append(script, i + 1, end - i - 1);
                inWord = true;
                i = end + 1;
            }
            else if (c == '"')
            {
                i++;
                while (i < script.Length && script[i] != '"')
                {
                    if (script[i] == '\\' && i + 1 < script.Length && script[i + 1] is '"' or '\\' or '$')
                    {
                        word.Append(script[i + 1]);
                        i += 2;
                    }
                    else if (script[i] == '$')
                    {
                        i = Expand(script, i, word, environment);
                    }
                    else
                    {
                        word.Append(script[i++]);
                    }
                }

                inWord = true;
                i++;
            }
            else if (c == '\\' && i + 1 < script.Length)
            {
                word.Append(script[i + 1]);
                inWord = true;
                i += 2;
            }
            else if (c == '$')
            {
                i = Expand(script, i, word, environment);
                inWord = true;
            }
            else
            {
                word.Append(c);
                inWord = true;
                i++;
            }
        }

        EndWord();
        return tokens;
    }

    private static int Expand(string script, int dollar, StringBuilder word, IReadOnlyDictionary<string, string> environment)
    {
        var i = dollar + 1;
        string name;
        if (i < script.Length && script[i] == '{')
        {
            var end = script.IndexOf('}', i);
            end = end < 0 ? script.Length : end;
            name = script[(i + 1)..end];
            i = end + 1;
        }
        else
        {
            var start = i;
            while (i < script.Length && (char.IsAsciiLetterOrDigit(script[i]) || script[i] == '_'))
            {
                i++;
            }

            name = script[start..i];
            if (name.Length == 0)
            {
                word.Append('$');
                return i;
            }
        }

        word.Append(environment.TryGetValue(name, out var value) ? value : "");
        return i;
    }
}

using System.Globalization;
using System.Text;
using static SuperKube.Runtime.Fake.FakeShellSyntax;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// Runs a fake process: <c>sh -c SCRIPT</c> is parsed and interpreted; other command lines run as one command.
/// Known commands (echo, sleep, exit, cat, touch, rm, ls, env, printenv, hostname, test, true, false, oom) act on
/// the in-memory files and the virtual clock; <c>sleep</c> waits on the <see cref="TimeProvider"/>.
/// </summary>
internal static class FakeShell
{
    private static readonly string[] Shells = ["sh", "bash", "ash", "dash"];

    /// <summary>Runs the process to its exit code; throws <see cref="FakeShellExit"/> only for <c>oom</c>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> argv, FakeProcessContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (argv.Count == 0)
            {
                return await ForeverAsync(context, cancellationToken).ConfigureAwait(false);
            }

            Node program = Shells.Contains(Path.GetFileName(argv[0])) && argv.Count >= 3 && argv[1] == "-c"
                ? FakeShellParser.Parse(argv[2], context.Environment)
                : new Command(argv);
            return await RunAsync(program, context, cancellationToken).ConfigureAwait(false);
        }
        catch (FakeShellExit exit) when (!exit.OutOfMemory)
        {
            return exit.Code;
        }
        catch (FormatException ex)
        {
            await context.Write($"sh: {ex.Message}\n", true).ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> RunAsync(Node node, FakeProcessContext context, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case Sequence sequence:
                var last = 0;
                foreach (var item in sequence.Items)
                {
                    last = await RunAsync(item, context, cancellationToken).ConfigureAwait(false);
                }

                return last;
            case Conditional conditional:
                var left = await RunAsync(conditional.Left, context, cancellationToken).ConfigureAwait(false);
                return (left == 0) == conditional.And ? await RunAsync(conditional.Right, context, cancellationToken).ConfigureAwait(false) : left;
            case While loop:
                var status = 0;
                while (await RunAsync(loop.Condition, context, cancellationToken).ConfigureAwait(false) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    status = await RunAsync(loop.Body, context, cancellationToken).ConfigureAwait(false);
                    await Task.Yield(); // a loop without sleep must not starve the caller
                }

                return status;
            case If test:
                if (await RunAsync(test.Condition, context, cancellationToken).ConfigureAwait(false) == 0)
                {
                    return await RunAsync(test.Then, context, cancellationToken).ConfigureAwait(false);
                }

                return test.Else is null ? 0 : await RunAsync(test.Else, context, cancellationToken).ConfigureAwait(false);
            case Command command when command.RedirectTo is { } target:
                var captured = new StringBuilder();
                var redirected = context with { Write = (text, error) => error ? context.Write(text, true) : Append(captured, text) };
                var code = await RunCommandAsync(command.Words, redirected, cancellationToken).ConfigureAwait(false);
                if (target != "/dev/null" && !context.Files.Write(target, Encoding.UTF8.GetBytes(captured.ToString()), command.Append))
                {
                    await context.Write($"sh: can't create {target}: Read-only file system\n", true).ConfigureAwait(false);
                    return 1;
                }

                return code;
            case Command command:
                return await RunCommandAsync(command.Words, context, cancellationToken).ConfigureAwait(false);
            default:
                return 0;
        }
    }

    private static async Task<int> RunCommandAsync(IReadOnlyList<string> words, FakeProcessContext context, CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        if (words.Count == 1 && IsAssignment(words[0]))
        {
            return 0; // variables are expanded when the script is parsed; assignments change nothing later
        }

        var args = words.Skip(1).ToList();
        var name = Path.GetFileName(words[0]);
        switch (name)
        {
            case "true" or ":":
                return 0;
            case "false":
                return 1;
            case "exit":
                throw new FakeShellExit(args.Count > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var code) ? code & 0xff : 0);
            case "oom":
                throw new FakeShellExit(137, outOfMemory: true);
            case "echo":
                var newline = !(args.Count > 0 && args[0] == "-n");
                await context.Write(string.Join(' ', newline ? args : args.Skip(1)) + (newline ? "\n" : ""), false).ConfigureAwait(false);
                return 0;
            case "printf":
                await context.Write(args.Count == 0 ? "" : Printf(args), false).ConfigureAwait(false);
                return 0;
            case "sleep":
                await Task.Delay(SleepDuration(args), context.Time, cancellationToken).ConfigureAwait(false);
                return 0;
            case "cat":
                return await CatAsync(args, context, cancellationToken).ConfigureAwait(false);
            case "touch":
                foreach (var file in args.Where(a => !a.StartsWith('-')))
                {
                    if (!context.Files.Exists(file) && !context.Files.Write(file, [], append: true))
                    {
                        return await FailAsync(context, $"touch: {file}: Read-only file system").ConfigureAwait(false);
                    }
                }

                return 0;
            case "rm":
                var force = args.Any(a => a.StartsWith('-') && a.Contains('f', StringComparison.Ordinal));
                foreach (var file in args.Where(a => !a.StartsWith('-')))
                {
                    if (!context.Files.Delete(file) && !force)
                    {
                        return await FailAsync(context, $"rm: can't remove '{file}': No such file or directory").ConfigureAwait(false);
                    }
                }

                return 0;
            case "mkdir" or "kill" or "trap" or "cd" or "export" or "set" or "wait" or "sync":
                return 0;
            case "ls":
                var directory = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "/";
                if (!context.Files.Exists(directory))
                {
                    return await FailAsync(context, $"ls: {directory}: No such file or directory").ConfigureAwait(false);
                }

                foreach (var entry in context.Files.List(directory))
                {
                    await context.Write(entry + "\n", false).ConfigureAwait(false);
                }

                return 0;
            case "env" or "printenv" when args.Count == 0:
                foreach (var (key, value) in context.Environment)
                {
                    await context.Write($"{key}={value}\n", false).ConfigureAwait(false);
                }

                return 0;
            case "printenv":
                var found = context.Environment.TryGetValue(args[0], out var variable);
                if (found)
                {
                    await context.Write(variable + "\n", false).ConfigureAwait(false);
                }

                return found ? 0 : 1;
            case "hostname":
                await context.Write(context.Hostname + "\n", false).ConfigureAwait(false);
                return 0;
            case "test" or "[":
                return Test(name == "[" ? [.. args.Where(a => a != "]")] : args, context) ? 0 : 1;
            default:
                if (context.UnknownRunsForever)
                {
                    return await ForeverAsync(context, cancellationToken).ConfigureAwait(false);
                }

                await context.Write($"sh: {words[0]}: not found\n", true).ConfigureAwait(false);
                return 127;
        }
    }

    private static async Task<int> ForeverAsync(FakeProcessContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, context.Time, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> CatAsync(List<string> args, FakeProcessContext context, CancellationToken cancellationToken)
    {
        var files = args.Where(a => a != "-" && !a.StartsWith('-')).ToList();
        if (files.Count == 0)
        {
            if (context.Stdin is { } stdin)
            {
                var buffer = new char[4096];
                int read;
                while ((read = await stdin.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await context.Write(new string(buffer, 0, read), false).ConfigureAwait(false);
                }
            }

            return 0;
        }

        var status = 0;
        foreach (var file in files)
        {
            if (context.Files.TryRead(file, out var content))
            {
                await context.Write(Encoding.UTF8.GetString(content), false).ConfigureAwait(false);
            }
            else
            {
                status = await FailAsync(context, $"cat: can't open '{file}': No such file or directory").ConfigureAwait(false);
            }
        }

        return status;
    }

    private static bool Test(List<string> args, FakeProcessContext context) => args switch
    {
        ["-f" or "-e" or "-d" or "-r" or "-s", var path] => context.Files.Exists(path),
        ["-z", var text] => text.Length == 0,
        ["-n", var text] => text.Length > 0,
        ["!", .. var rest] => !Test([.. rest], context),
        [var a, "=" or "==", var b] => a == b,
        [var a, "!=", var b] => a != b,
        [var text] => text.Length > 0,
        _ => false,
    };

    private static TimeSpan SleepDuration(List<string> args)
    {
        var text = args.FirstOrDefault() ?? "0";
        if (text is "infinity" or "inf")
        {
            return Timeout.InfiniteTimeSpan;
        }

        var unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? TimeSpan.FromSeconds(value * Math.Max(unit, 1))
            : TimeSpan.Zero;
    }

    private static string Printf(List<string> args)
    {
        var format = args[0].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        var index = 1;
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length && format[i + 1] is 's' or 'd')
            {
                result.Append(index < args.Count ? args[index++] : "");
                i++;
            }
            else
            {
                result.Append(format[i]);
            }
        }

        return result.ToString();
    }

    private static async Task<int> FailAsync(FakeProcessContext context, string message)
    {
        await context.Write(message + "\n", true).ConfigureAwait(false);
        return 1;
    }

    private static ValueTask Append(StringBuilder builder, string text)
    {
        builder.Append(text);
        return ValueTask.CompletedTask;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && (char.IsAsciiLetter(word[0]) || word[0] == '_') && word[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}

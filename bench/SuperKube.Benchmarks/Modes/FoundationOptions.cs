using System.Globalization;

namespace SuperKube.Benchmarks.Modes;

/// <summary>The command-line options of the <c>foundation</c> mode.</summary>
internal sealed record FoundationOptions
{
    public const string Help =
        "[--server PATH/superkube.dll|PATH/superkube] [--runs 5] [--idle-seconds 5] [--duration-seconds 10] [--creates 50000] " +
        "[--connections 64] [--markdown FILE]";

    /// <summary>A built or published superkube.dll, or the single-file executable; when null the harness publishes src/SuperKube.Host in Release.</summary>
    public string? Server { get; init; }

    /// <summary>Server starts measured for start-to-ready (median reported).</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Idle time after ready before VmRSS is read.</summary>
    public int IdleSeconds { get; init; } = 5;

    /// <summary>wrk duration (<c>-d</c>) of each measured GET run.</summary>
    public int DurationSeconds { get; init; } = 10;

    /// <summary>ConfigMaps created by the end-to-end create run.</summary>
    public int Creates { get; init; } = 50_000;

    /// <summary>Concurrent HTTP connections of both the wrk and the create runs.</summary>
    public int Connections { get; init; } = 64;

    /// <summary>Where to write the summary as a markdown table, if anywhere.</summary>
    public string? Markdown { get; init; }

    /// <summary>
    /// Parses the options of a wrk-based <paramref name="mode"/> and checks that wrk is installed; on failure says why
    /// on stderr and returns the exit code (2: bad options, 3: no wrk), else null.
    /// </summary>
    public static int? ParseForWrk(string[] args, string mode, string help, out FoundationOptions options)
    {
        options = null!;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{mode}: {ex.Message}\noptions: {help}");
            return 2;
        }

        if (!Infrastructure.Wrk.IsInstalled())
        {
            Console.Error.WriteLine(Infrastructure.Wrk.InstallHint);
            return 3;
        }

        return null;
    }

    public static FoundationOptions Parse(string[] args)
    {
        var options = new FoundationOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--server" => options with { Server = Path.GetFullPath(value) },
                "--runs" => options with { Runs = Positive(args[i], value) },
                "--idle-seconds" => options with { IdleSeconds = Positive(args[i], value) },
                "--duration-seconds" => options with { DurationSeconds = Positive(args[i], value) },
                "--creates" => options with { Creates = Positive(args[i], value) },
                "--connections" => options with { Connections = Positive(args[i], value) },
                "--markdown" => options with { Markdown = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive integer, got \"{text}\"");
}

using System.Text;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>The rows a benchmark reports: metric, measured value, target and whether it is met (blank when informational).</summary>
internal sealed class SummaryTable
{
    private readonly List<(string Metric, string Measured, string Target, bool? Met)> _rows = [];

    public void Add(string metric, string measured, string target = "", bool? met = null) => _rows.Add((metric, measured, target, met));

    /// <summary>True when every row that has a target meets it.</summary>
    public bool AllMet => _rows.All(r => r.Met is not false);

    /// <summary>
    /// Prints the table and, when <paramref name="markdownPath"/> is set, writes it as Markdown under
    /// <paramref name="header"/>; returns the exit code: 0 when every target is met, else 1.
    /// </summary>
    public async Task<int> ReportAsync(string header, string? markdownPath, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine(ToText());
        if (markdownPath is not null)
        {
            await File.WriteAllTextAsync(markdownPath, $"{header}\n\n{ToMarkdown()}", cancellationToken);
            Console.WriteLine($"Markdown written to {markdownPath}");
        }

        return AllMet ? 0 : 1;
    }

    public string ToText()
    {
        var metricWidth = Math.Max(6, _rows.Max(r => r.Metric.Length));
        var measuredWidth = Math.Max(8, _rows.Max(r => r.Measured.Length));
        var targetWidth = Math.Max(6, _rows.Max(r => r.Target.Length));
        var text = new StringBuilder();
        text.AppendLine($"{"Metric".PadRight(metricWidth)}  {"Measured".PadRight(measuredWidth)}  {"Target".PadRight(targetWidth)}  Met");
        text.AppendLine(new string('-', metricWidth + measuredWidth + targetWidth + 9));
        foreach (var (metric, measured, target, met) in _rows)
        {
            text.AppendLine($"{metric.PadRight(metricWidth)}  {measured.PadRight(measuredWidth)}  {target.PadRight(targetWidth)}  {Met(met)}");
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Metric | Measured | Target | Met |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var (metric, measured, target, met) in _rows)
        {
            text.AppendLine($"| {metric} | {measured} | {target} | {Met(met)} |");
        }

        return text.ToString();
    }

    private static string Met(bool? met) => met switch
    {
        true => "yes",
        false => "NO",
        null => "",
    };
}

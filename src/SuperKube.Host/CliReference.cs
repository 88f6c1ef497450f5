using System.CommandLine;
using System.Globalization;
using System.Text;

namespace SuperKube.Host;

/// <summary>
/// The CLI reference (docs/cli.md) generated from the command definitions, so the page cannot drift from what
/// <c>superkube --help</c> says; a test keeps the checked-in page equal to this output.
/// </summary>
internal static class CliReference
{
    public static string Markdown(RootCommand root)
    {
        var text = new StringBuilder();
        text.Append("# superkube command line\n\n");
        text.Append("Generated from the command definitions (`src/SuperKube.Host`); `superkube <command> --help` prints the same.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{root.Description}\n");
        foreach (var command in root.Subcommands)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## superkube {command.Name}\n\n{command.Description}\n\n");
            text.Append("| Option | Default | Description |\n|---|---|---|\n");
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "-h" or "-?")))
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{option.Name}` | {Default(option)} | {Escape(option.Description ?? "")} |\n");
            }
        }

        return text.ToString();
    }

    private static string Default(Option option)
    {
        if (!option.HasDefaultValue)
        {
            return "";
        }

        return option.GetDefaultValue() switch
        {
            null => "",
            bool flag => flag ? "`true`" : "",
            string[] { Length: 0 } => "",
            string[] many => string.Join(", ", many.Select(v => $"`{v}`")),
            IFormattable number => $"`{number.ToString(null, CultureInfo.InvariantCulture)}`",
            var value => $"`{value}`",
        };
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

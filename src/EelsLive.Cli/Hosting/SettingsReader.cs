using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EelsLive.Cli.Hosting;

/// <summary>
/// Reads typed settings from the <c>EelsLive</c> configuration section (appsettings.json, environment, command line)
/// and names both the setting and its command-line option when a value is malformed.
/// </summary>
internal sealed class SettingsReader
{
    /// <summary>The configuration section every EelsLive setting lives in.</summary>
    public const string Section = "EelsLive";

    private readonly IConfiguration _section;

    public SettingsReader(IConfiguration configuration) => _section = configuration.GetSection(Section);

    /// <summary>The configuration key of a command-line option: <c>--lead-dose</c> → <c>EelsLive:LeadDose</c>.</summary>
    public static string KeyOf(string optionName) =>
        Section + ":" + string.Concat(optionName.TrimStart('-').Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    public string? Text(string option) => _section[ShortKey(option)] is { Length: > 0 } value ? value : null;

    public double? Number(string option)
    {
        string? text = Text(option);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new ArgumentException($"setting {KeyOf(option)} ({option}) = '{text}' is not a number.");
    }

    public int? Integer(string option)
    {
        string? text = Text(option);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"setting {KeyOf(option)} ({option}) = '{text}' is not a whole number.");
    }

    public bool? Flag(string option)
    {
        string? text = Text(option);
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text, out bool value)
            ? value
            : throw new ArgumentException($"setting {KeyOf(option)} ({option}) = '{text}' is not true or false.");
    }

    private static string ShortKey(string option) => KeyOf(option)[(Section.Length + 1)..];
}

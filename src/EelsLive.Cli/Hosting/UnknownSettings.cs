using System.CommandLine;
using System.CommandLine.Help;
using EelsLive.CommandLine;
using Microsoft.Extensions.Configuration;

namespace EelsLive.Cli.Hosting;

/// <summary>
/// Refuses settings in the <c>EelsLive</c> section that no eelslive option reads: a misspelt key (<c>BudgetDoze</c>) would
/// otherwise be ignored without a word, and a facility's dose budget or threshold would silently not apply.
/// </summary>
internal static class UnknownSettings
{
    private static readonly Lazy<IReadOnlyList<string>> Known = new(() =>
        [.. Program.BuildRoot().Subcommands
            .SelectMany(command => command.Options)
            .Where(option => option.Name.StartsWith("--", StringComparison.Ordinal) && option is not HelpOption and not VersionOption)
            .Select(option => SettingsReader.KeyOf(option.Name)[(SettingsReader.Section.Length + 1)..])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)]);

    /// <summary>Every setting name an eelslive command reads, e.g. <c>LeadDose</c>.</summary>
    public static IReadOnlyList<string> Names => Known.Value;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unknown setting and the known one closest to it.</summary>
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var child in configuration.GetSection(SettingsReader.Section).GetChildren())
        {
            if (Names.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var closest = Names.MinBy(name => EditDistance.Between(name.ToLowerInvariant(), child.Key.ToLowerInvariant()))!;
            throw new ArgumentException(
                $"setting {SettingsReader.Section}:{child.Key} (in {EelsLiveConfiguration.FileName} or the environment) is not an eelslive setting"
                + (EditDistance.Between(closest.ToLowerInvariant(), child.Key.ToLowerInvariant()) <= 3 ? $" (did you mean {closest}?)" : string.Empty)
                + "; each setting is an option's name, e.g. --lead-dose is LeadDose.");
        }
    }
}

using System.CommandLine;
using EelsLive.Cli.Commands;
using EelsLive.CommandLine;

namespace EelsLive.Cli;

/// <summary>Entry point of the <c>eelslive</c> command.</summary>
public static class Program
{
    /// <summary>How a command line that does not parse is reported: exit code 2, as for any other bad input.</summary>
    internal static readonly UsageErrors Usage = new("eelslive", "error: ", 2);

    public static Task<int> Main(string[] args) => Usage.InvokeAsync(BuildRoot(), args);

    /// <summary>The root command with all subcommands.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EelsLive: a live beam-damage monitor for in situ low-loss EELS.");
        root.Add(MonitorCommand.Create());
        root.Add(AnalyzeCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(ValidateCommand.Create());
        root.Add(ReportCommand.Create());
        root.Add(KineticOrdersCommand.Create());
        return NumberParsers.ApplyTo(root);
    }
}

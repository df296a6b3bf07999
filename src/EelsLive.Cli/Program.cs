using System.CommandLine;
using EelsLive.Cli.Commands;

namespace EelsLive.Cli;

/// <summary>Entry point of the <c>eelslive</c> command.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

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
        return root;
    }
}

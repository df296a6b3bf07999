using EelsLive.Cli.Tests.Support;

namespace EelsLive.Cli.Tests.Commands;

/// <summary><c>eelslive validate</c> as a method developer runs it: report, exit code, and a clear error for bad input.</summary>
public class ValidateCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_beam_resistant_run_passes_and_writes_the_report_with_the_forecast_reliability()
    {
        using var dir = new TempDir();
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "control", "--seeds", "1", "--models", "physics",
            "--zlp-counts", "3e6", "--out", dir.File("report.md"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        string report = File.ReadAllText(dir.File("report.md"));
        Assert.Contains("| control | physics | 1 |", report, StringComparison.Ordinal);
        Assert.Contains("| zero alarms on the control preset | pass |", report, StringComparison.Ordinal);
        Assert.Contains("Forecast reliability, physics model", report, StringComparison.Ordinal);
        Assert.Contains("Brier score", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--zlp-counts", "5", "--zlp-counts must lie between")]
    [InlineData("--presets", "graphene", "unknown preset 'graphene'")]
    public async Task Bad_input_is_refused_with_a_specific_message_and_exit_code_2(string option, string value, string message)
    {
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--seeds", "1", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}

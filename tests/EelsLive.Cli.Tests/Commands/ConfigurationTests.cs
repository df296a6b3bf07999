using EelsLive.Cli.Tests.Support;

namespace EelsLive.Cli.Tests.Commands;

/// <summary>Settings from appsettings.json, the environment and the command line, validated at start.</summary>
public class ConfigurationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<(int Code, string Out, string Err)> AnalyzeAsync(TempDir dir, IReadOnlyDictionary<string, string>? environment, params string[] extra)
    {
        using var process = CliProcess.Start("eelslive", dir.Path, environment,
            ["analyze", dir.File("missing.eelsrec"), "--out", dir.File("out.jsonl"), .. extra]);
        int code = await process.WaitAsync(Limit);
        return (code, process.Stdout, process.Stderr);
    }

    [Fact]
    public async Task A_bad_value_in_appsettings_json_stops_the_command_with_a_message_naming_it()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("appsettings.json"), """{ "EelsLive": { "LeadDose": "lots" } }""");
        var result = await AnalyzeAsync(dir, null);
        Assert.Equal(2, result.Code);
        Assert.Contains("EelsLive:LeadDose (--lead-dose) = 'lots' is not a number", result.Err);
    }

    [Fact]
    public async Task The_environment_overrides_the_file_and_the_command_line_overrides_both()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("appsettings.json"), """{ "EelsLive": { "Threshold": 0.4 } }""");
        var environment = new Dictionary<string, string> { ["EelsLive__Threshold"] = "1.5" };

        var fromEnvironment = await AnalyzeAsync(dir, environment);
        Assert.Equal(2, fromEnvironment.Code);
        Assert.Contains("--threshold must be between 0 and 1, got 1.5", fromEnvironment.Err);

        // A valid threshold on the command line wins; the run then fails only because the file is missing.
        var fromCommandLine = await AnalyzeAsync(dir, environment, "--threshold", "0.6");
        Assert.Equal(2, fromCommandLine.Code);
        Assert.Contains("does not exist", fromCommandLine.Err);
        Assert.DoesNotContain("--threshold", fromCommandLine.Err);
    }

    [Fact]
    public async Task A_misspelt_setting_stops_the_command_with_the_setting_it_probably_meant()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("appsettings.json"), """{ "EelsLive": { "BudgetDoze": 5000, "LeadDose": 300 } }""");
        var misspelt = await AnalyzeAsync(dir, null);
        Assert.Equal(2, misspelt.Code);
        Assert.Contains("setting EelsLive:BudgetDoze (in appsettings.json or the environment) is not an eelslive setting (did you mean BudgetDose?)", misspelt.Err);

        var unknown = await AnalyzeAsync(dir, new Dictionary<string, string> { ["EelsLive__Frobnicate"] = "1" });
        Assert.Equal(2, unknown.Code);

        // Any command's setting may sit in the shared file (Connect is monitor's), in any letter case.
        File.WriteAllText(dir.File("appsettings.json"), """{ "EelsLive": { "Connect": "tcp://127.0.0.1:1", "budgetdose": 5000, "KineticOrder": "c_c=1.6" } }""");
        var known = await AnalyzeAsync(dir, null);
        Assert.Equal(2, known.Code);
        Assert.Contains("does not exist", known.Err);
        Assert.DoesNotContain("setting", known.Err);
    }

    [Fact]
    public async Task A_malformed_appsettings_json_is_reported_as_such()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("appsettings.json"), "{ not json");
        var result = await AnalyzeAsync(dir, null);
        Assert.Equal(2, result.Code);
        Assert.Contains("appsettings.json", result.Err);
    }
}

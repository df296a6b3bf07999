using EelsLive.Cli.Tests.Support;

namespace EelsLive.Cli.Tests.Commands;

/// <summary><c>eelslive analyze</c> given something other than a session recording.</summary>
public class AnalyzeCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("truth.json", "{ \"preset\": \"mil101fe\", \"series_id\": \"sim-mil101fe-1\", \"windows\": [] }")]
    [InlineData("results.jsonl", "{\"series_id\":\"s1\",\"seq\":0}\n")]
    [InlineData("empty.eelsrec", "")]
    public async Task A_file_that_is_not_a_recording_is_refused_by_name_with_exit_code_2(string name, string content)
    {
        using var dir = new TempDir();
        string input = dir.File(name);
        await File.WriteAllTextAsync(input, content);

        var run = await CliProcess.RunAsync("eelslive", Limit, "analyze", input, "--out", dir.File("x.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: '{input}' is not an EelsLive session recording", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("monitor --record", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("x.jsonl")), "no results file is started for an input that cannot be analysed");
    }
}

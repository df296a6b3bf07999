using System.Globalization;
using EelsLive.Cli.Tests.Support;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Outputs;

namespace EelsLive.Cli.Tests.Commands;

/// <summary><c>eelslive kinetic-orders</c> as a facility runs it on past sessions of one material before giving <c>--kinetic-order</c>.</summary>
public class KineticOrdersCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Three_simulated_mil101fe_sessions_give_the_median_final_orders_and_the_option_line()
    {
        using var dir = new TempDir();
        string frames = dir.File("frames");
        var validate = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "mil101fe", "--seeds", "3", "--models", "physics", "--frames-out", frames);
        Assert.True(validate.ExitCode is 0 or 1, validate.Stderr);
        string[] files = [.. Enumerable.Range(1, 3).Select(seed => Path.Combine(frames, $"mil101fe-seed{seed}-physics.jsonl"))];

        var run = await CliProcess.RunAsync("eelslive", Limit, ["kinetic-orders", .. files]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

        // C–O (true order 1.8) decays to half by 850 e/Å², far inside the 5000 e/Å² sessions: every series counts.
        var finals = files.Select(f => JsonLines.Read(f)[^1].GetProperty("windows").GetProperty("c_o").GetProperty("kinetic_order").GetDouble()).ToArray();
        string row = run.Stdout.Split('\n').Single(l => l.StartsWith("c_o ", StringComparison.Ordinal));
        var columns = System.Text.RegularExpressions.Regex.Split(row.Trim(), " {2,}");
        double median = finals.Order().ElementAt(1);
        Assert.Equal("3 of 3", columns[1]);
        Assert.Equal(median.ToString("F2", CultureInfo.InvariantCulture), columns[2]);
        Assert.Equal(string.Join(", ", finals.Select(o => o.ToString("F2", CultureInfo.InvariantCulture))), columns[5]);
        string option = run.Stdout.Split('\n').Single(l => l.StartsWith("--kinetic-order ", StringComparison.Ordinal)).Trim();
        var co = option["--kinetic-order ".Length..].Split(',').Single(p => p.StartsWith("c_o=", StringComparison.Ordinal))["c_o=".Length..].Split('±');
        double centre = double.Parse(co[0], CultureInfo.InvariantCulture), sigma = double.Parse(co[1], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(median, 2), centre, 9);
        Assert.InRange(sigma, 0.1, 0.5);
        Assert.InRange(1.8, centre - (2 * sigma), centre + (2 * sigma));

        // M–O barely changes: no series counts, and each says why.
        Assert.Contains("m_o        0 of 3", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, run.Stdout.Split('\n').Count(l => l.Contains(", m_o: its D50 was not estimable", StringComparison.Ordinal)));
        Assert.DoesNotContain("m_o=", option, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_session_given_three_times_is_one_series_and_suggests_no_order()
    {
        using var dir = new TempDir();
        string results = dir.File("ko.jsonl");
        using (var writer = new JsonLinesWriter(results))
        {
            writer.Write(new FrameReport(
                "session-42", 800, 1_700_000_000, 4000, false, 25, 0, 0,
                [new WindowReport("c_o", 10, 15, 1e5, 0.5, 0.1, 0.05, 0.2, 800, 720, 880, 800) { Kinetics = KineticsLaw.OrderP(1.8) }],
                "critical", ["c_o"], null, 0.4));
        }

        var run = await CliProcess.RunAsync("eelslive", Limit, "kinetic-orders", results, results, results);

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.StartsWith("kinetic orders in 1 series from 3 file(s);", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("c_o        1 of 3", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, run.Stdout.Split('\n').Count(l => l.Trim() == "ko.jsonl, series session-42, c_o: duplicate of series session-42 from ko.jsonl: a series counts once"));
        Assert.DoesNotContain("--kinetic-order c_o", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kinetic-order c_c=1.5", "--kinetic-order cannot be given here")]
    [InlineData("--model classical", "only the physics model fits a kinetic order")]
    [InlineData("--min-series 0", "--min-series must be at least 1, got 0")]
    public async Task Options_that_would_not_measure_the_orders_are_refused_with_exit_code_2(string extra, string message)
    {
        using var dir = new TempDir();
        string results = dir.File("results.jsonl");
        await File.WriteAllTextAsync(results, "{\"series_id\":\"s1\"}\n");
        var run = await CliProcess.RunAsync("eelslive", Limit, ["kinetic-orders", results, .. extra.Split(' ')]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}

using EelsLive.Cli.Tests.Support;

namespace EelsLive.Cli.Tests.Commands;

/// <summary><c>eelslive demo</c>, the README's main job, run headless and fast: simulator and monitor over loopback ZeroMQ, then the report.</summary>
public class DemoCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_short_headless_demo_receives_every_frame_writes_its_files_and_compares_the_estimates_with_the_truth()
    {
        using var dir = new TempDir();
        string outDir = dir.File("demo");
        var run = await CliProcess.RunAsync("eelslive", Limit, "demo", "--headless", "--preset", "orderp", "--frames", "300", "--rate", "150",
            "--dose-per-frame", "15", "--out-dir", outDir);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

        Assert.Contains("stopped: SeriesEnded after 300 frames (0 rejected)", run.Stdout, StringComparison.Ordinal);
        var lines = JsonLines.Read(Path.Combine(outDir, "results.jsonl"));
        Assert.Equal(300, lines.Count);
        Assert.Equal(4500, lines[^1].GetProperty("dose_e_a2").GetDouble(), 6);
        // The frames' clock runs with the sending pace, so the dose rate (and every "≈ N s at the current rate") is the one
        // the user watches: 15 e/Å² per frame at 150 frames/s.
        Assert.Equal(15 * 150, lines[^1].GetProperty("dose_rate_e_a2_s").GetDouble(), tolerance: 0.1); // frame times are Unix seconds: ~1e-6 s resolution
        Assert.True(new FileInfo(Path.Combine(outDir, "session.eelsrec")).Length > 300 * 2048 * 4, "the recording holds every spectrum");
        Assert.True(File.Exists(Path.Combine(outDir, "truth.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "report", "report.html")));

        // The closing table: each window's final estimate, its true D50 and the fitted kinetics beside the true ones.
        Assert.Contains("final dose 4500 e/Å² (true 4500)", run.Stdout, StringComparison.Ordinal);
        var co = System.Text.RegularExpressions.Regex.Split(run.Stdout.Split('\n').Single(l => l.StartsWith("c_o ", StringComparison.Ordinal)).Trim(), " {2,}");
        Assert.Equal("700", co[3]); // the orderp preset's C–O: D50 700 e/Å², order 2.5
        Assert.Matches(@"^(order p = \d\.\d\d|stretched β = \d\.\d\d)$", co[4]);
        Assert.Equal("order p = 2.5", co[5]);
        var mo = System.Text.RegularExpressions.Regex.Split(run.Stdout.Split('\n').Single(l => l.StartsWith("m_o ", StringComparison.Ordinal)).Trim(), " {2,}");
        Assert.Equal("never", mo[3]);
        Assert.Equal("none (stable)", mo[^1]);
    }
}

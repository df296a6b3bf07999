using System.Text.Json;
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

    [Fact]
    public async Task The_report_sets_reference_fits_beside_the_final_D50_unless_told_not_to()
    {
        using var dir = new TempDir();
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "exponential", "--seeds", "1", "--models", "physics",
            "--out", dir.File("with.md"));
        var without = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "exponential", "--seeds", "1", "--models", "physics",
            "--no-reference-fits", "--out", dir.File("without.md"));

        Assert.True(run.ExitCode is 0 or 1, run.Stdout + run.Stderr);
        Assert.True(without.ExitCode is 0 or 1, without.Stdout + without.Stderr);
        string with = File.ReadAllText(dir.File("with.md"));
        Assert.Contains("| exponential | physics | 3 |", with, StringComparison.Ordinal); // π–π*, C–C and C–O halve within the session
        Assert.Contains("least-squares fits to the same frames miss", with, StringComparison.Ordinal);
        string plain = File.ReadAllText(dir.File("without.md"));
        Assert.DoesNotContain("least-squares", plain, StringComparison.Ordinal);
        Assert.Contains("| final D50 within 10% for every window that decays past half |", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_states_what_each_exit_code_means()
    {
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--help");
        Assert.Equal(0, run.ExitCode);
        string help = string.Join(' ', run.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Exit code 0: every target of the physics-constrained model passes; 1: a target shows FAIL", help, StringComparison.Ordinal);
        Assert.Contains("2: bad input.", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_report_path_is_refused_before_any_session_runs()
    {
        using var dir = new TempDir();
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "control", "--seeds", "1", "--models", "classical", "--out", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --out {dir.Path}: this is a folder;", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("done", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_out_writes_every_sessions_frames_and_its_ground_truth_for_replotting()
    {
        using var dir = new TempDir();
        string frames = dir.File("frames");
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "exponential", "--seeds", "2", "--first-seed", "4", "--models", "classical",
            "--frames-out", frames);
        Assert.True(run.ExitCode is 0 or 1, run.Stdout + run.Stderr);
        Assert.Equal(["exponential-seed4-classical.jsonl", "exponential-seed5-classical.jsonl"], Directory.GetFiles(frames, "*.jsonl").Select(Path.GetFileName).Order());
        foreach (int seed in new[] { 4, 5 })
        {
            string stem = Path.Combine(frames, $"exponential-seed{seed}-classical");
            var lines = JsonLines.Read(stem + ".jsonl");
            using var truth = JsonDocument.Parse(File.ReadAllText(stem + ".truth.json"));
            Assert.Equal("exponential", truth.RootElement.GetProperty("preset").GetString());
            Assert.Equal(seed, truth.RootElement.GetProperty("seed").GetInt32());
            Assert.Equal(truth.RootElement.GetProperty("frames").GetInt64(), lines.Count);
            Assert.Equal(truth.RootElement.GetProperty("total_dose_e_a2").GetDouble(), lines[^1].GetProperty("dose_e_a2").GetDouble(), 6);
            var c_o = lines[^1].GetProperty("windows").GetProperty("c_o");
            Assert.True(c_o.GetProperty("d50_e_a2").ValueKind == JsonValueKind.Number, "the decayed C–O window has a final D50");
        }
    }

    [Theory]
    [InlineData("--zlp-counts", "5", "--zlp-counts must lie between")]
    [InlineData("--presets", "graphene", "unknown preset 'graphene'")]
    [InlineData("--first-seed", "0", "--first-seed must be at least 1")]
    [InlineData("--seeds", "0", "--seeds must be at least 1, got 0")]
    [InlineData("--coalesce", "0", "--coalesce must be between 1 (refit every frame) and 1000 frames per refit, got 0")]
    [InlineData("--true-orders", "-0.1", "--true-orders must be an uncertainty between 0 and 2, got -0.1")]
    [InlineData("--true-orders", "0.2 --kinetic-order c_c=1.5", "--true-orders and --kinetic-order cannot be combined")]
    public async Task Bad_input_is_refused_with_a_specific_message_and_exit_code_2(string option, string value, string message)
    {
        string[] args = option == "--seeds" ? ["validate", option, value] : ["validate", "--seeds", "1", option, .. value.Split(' ')];
        var run = await CliProcess.RunAsync("eelslive", Limit, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task True_orders_give_each_preset_its_own_kinetic_orders_and_say_so_in_the_report()
    {
        using var dir = new TempDir();
        string frames = dir.File("frames");
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "orderp,stretched", "--seeds", "1", "--models", "physics",
            "--true-orders", "0", "--frames-out", frames, "--out", dir.File("report.md"));
        Assert.True(run.ExitCode is 0 or 1, run.Stdout + run.Stderr);
        Assert.StartsWith("Kinetic orders given: each preset's true order ± 0 ", File.ReadAllText(dir.File("report.md")), StringComparison.Ordinal);

        // orderp's windows are fitted at exactly their true orders; stretched has none to give and keeps choosing its law.
        var orderp = JsonLines.Read(Path.Combine(frames, "orderp-seed1-physics.jsonl"));
        foreach (var (name, order) in new[] { ("pi_pi", 1.5), ("c_c", 2.0), ("c_o", 2.5) })
        {
            Assert.All(orderp, l => Assert.Equal(order, l.GetProperty("windows").GetProperty(name).GetProperty("kinetic_order").GetDouble(), 9));
        }

        var stretched = JsonLines.Read(Path.Combine(frames, "stretched-seed1-physics.jsonl"));
        Assert.Equal("stretched", stretched[^1].GetProperty("windows").GetProperty("c_c").GetProperty("kinetics").GetString());
    }

    [Fact]
    public async Task Coalesce_refits_only_every_nth_frame_and_says_so_in_the_report()
    {
        using var dir = new TempDir();
        string frames = dir.File("frames");
        var run = await CliProcess.RunAsync("eelslive", Limit, "validate", "--presets", "control", "--seeds", "1", "--models", "physics",
            "--coalesce", "8", "--frames-out", frames, "--out", dir.File("report.md"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("Refits coalesced: one refit every 8 frames (`--coalesce 8`).", File.ReadAllText(dir.File("report.md")), StringComparison.Ordinal);

        // Only every eighth frame (and the last) is refitted; the frames between carry the previous estimates and no fit time.
        var lines = JsonLines.Read(Path.Combine(frames, "control-seed1-physics.jsonl"));
        var refitted = lines.Where(l => l.GetProperty("fit_ms").ValueKind == JsonValueKind.Number).Select(l => l.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(lines.Select(l => l.GetProperty("seq").GetInt64()).Where(seq => (seq + 1) % 8 == 0 || seq == lines.Count - 1), refitted);
    }
}

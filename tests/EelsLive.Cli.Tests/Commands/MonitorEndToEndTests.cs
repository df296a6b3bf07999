using EelsLive.TestSupport;
using System.Globalization;
using System.Text.Json;
using EelsLive.Cli.Tests.Support;
using EelsLive.Protocol.Recording;

namespace EelsLive.Cli.Tests.Commands;

/// <summary>The simulator and the monitor as real processes over loopback TCP, as an operator runs them.</summary>
public class MonitorEndToEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static readonly string[] FrameFields =
    [
        "series_id", "seq", "t", "dose_e_a2", "dose_estimated", "dose_rate_e_a2_s", "lost_frames", "rejected_messages",
        "windows", "alarm", "alarm_windows", "budget_used", "fit_ms",
    ];

    private static readonly string[] WindowFields =
    [
        "lo_ev", "hi_ev", "integral", "signal", "integrity", "integrity_lo", "integrity_hi",
        "d50_e_a2", "d50_lo_e_a2", "d50_hi_e_a2", "cross_dose_e_a2", "kinetics", "kinetic_order", "beta",
        "signal_change_z", "cross_dose_lo_e_a2", "cross_dose_hi_e_a2", "onset_e_a2",
    ];

    [Fact]
    public async Task Monitor_receives_every_simulated_frame_with_exact_dose_records_it_and_analyze_reproduces_it()
    {
        using var dir = new TempDir();
        string endpoint = FreePort.Endpoint();
        const int frames = 300;
        const double dosePerFrame = 4.0;
        using var monitor = CliProcess.Start("eelslive", "monitor", "--connect", endpoint, "--until-end", "--idle-timeout", "60",
            "--out", dir.File("live.jsonl"), "--record", dir.File("session.eelsrec"), "--model", "none");
        await monitor.WaitForOutputAsync("monitoring", Limit);

        var sim = await CliProcess.RunAsync("eelslive-sim", Limit, "--bind", endpoint, "--preset", "mil101fe", "--frames", frames.ToString(CultureInfo.InvariantCulture),
            "--rate", "0", "--seed", "7", "--dose-per-frame", dosePerFrame.ToString(CultureInfo.InvariantCulture), "--truth", dir.File("truth.json"));
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        Assert.Equal(0, await monitor.WaitAsync(Limit));
        Assert.Contains("stopped: SeriesEnded", monitor.Stdout);

        var lines = JsonLines.Read(dir.File("live.jsonl"));
        Assert.Equal(frames, lines.Count);
        Assert.Equal(FrameFields, lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["pi_pi", "c_c", "c_o", "m_o"], lines[0].GetProperty("windows").EnumerateObject().Select(p => p.Name));
        Assert.Equal(WindowFields, lines[0].GetProperty("windows").GetProperty("c_o").EnumerateObject().Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, frames).Select(i => (long)i), lines.Select(l => l.GetProperty("seq").GetInt64()));
        Assert.Equal(frames * dosePerFrame, lines[^1].GetProperty("dose_e_a2").GetDouble(), 6);
        Assert.All(lines, l => Assert.Equal(0, l.GetProperty("lost_frames").GetInt64()));
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("windows").GetProperty("c_o").GetProperty("integrity").ValueKind));

        // The recording holds every message (start, frames, end) and analyze gives the same lines.
        Assert.Equal(frames + 2, SessionFileReader.ReadAll(dir.File("session.eelsrec")).Count());
        var analyze = await CliProcess.RunAsync("eelslive", Limit, "analyze", dir.File("session.eelsrec"), "--out", dir.File("offline.jsonl"), "--model", "none");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        Assert.Equal(File.ReadAllLines(dir.File("live.jsonl")), File.ReadAllLines(dir.File("offline.jsonl")));

        // The report of the recording, against the simulator's ground truth.
        var report = await CliProcess.RunAsync("eelslive", Limit, "report", dir.File("session.eelsrec"), "--out", dir.File("report"), "--truth", dir.File("truth.json"));
        Assert.True(report.ExitCode == 0, report.Stderr);
        string html = File.ReadAllText(Path.Combine(dir.File("report"), "report.html"));
        using var truth = JsonDocument.Parse(File.ReadAllText(dir.File("truth.json")));
        double trueD50 = truth.RootElement.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "c_o").GetProperty("d50_e_a2").GetDouble();
        Assert.Contains("<th>true D50 (e/Å²)</th>", html, StringComparison.Ordinal);
        Assert.Matches($"<td class=\"name\">c_o</td><td class=\"name\">physics</td>(<td>[^<]*</td>){{3}}<td class=\"name\">[^<]*</td><td>{trueD50.ToString("0", CultureInfo.InvariantCulture)}</td>", html);
        Assert.Contains("Ground truth</th><td>truth.json (series ", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.File("report"), "fit_c_o.png")));

        var missing = await CliProcess.RunAsync("eelslive", Limit, "report", dir.File("session.eelsrec"), "--out", dir.File("report2"), "--truth", dir.File("nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--truth:", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("nope.json' does not exist", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_model_analyze_reproduces_the_live_estimates_and_alarms()
    {
        using var dir = new TempDir();
        string endpoint = FreePort.Endpoint();
        using var monitor = CliProcess.Start("eelslive", "monitor", "--connect", endpoint, "--until-end", "--idle-timeout", "60",
            "--out", dir.File("live.jsonl"), "--record", dir.File("session.eelsrec"), "--quiet", "--refit-every-frame");
        await monitor.WaitForOutputAsync("monitoring", Limit);
        var sim = await CliProcess.RunAsync("eelslive-sim", Limit, "--bind", endpoint, "--preset", "mil101fe", "--frames", "250",
            "--rate", "50", "--seed", "11", "--dose-per-frame", "5");
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        Assert.Equal(0, await monitor.WaitAsync(Limit));
        var analyze = await CliProcess.RunAsync("eelslive", Limit, "analyze", dir.File("session.eelsrec"), "--out", dir.File("offline.jsonl"));
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);

        var live = JsonLines.Read(dir.File("live.jsonl"));
        var offline = JsonLines.Read(dir.File("offline.jsonl"));
        Assert.Equal(250, live.Count);
        Assert.Equal(live.Count, offline.Count);
        Assert.Contains(live, l => l.GetProperty("windows").GetProperty("c_o").GetProperty("integrity").ValueKind == JsonValueKind.Number);

        // With --refit-every-frame the live run is reproducible exactly, except the wall-clock fit time.
        Assert.All(live, l => Assert.Equal(JsonValueKind.Number, l.GetProperty("fit_ms").ValueKind));
        for (int i = 0; i < live.Count; i++)
        {
            Assert.Equal(WithoutFitTime(offline[i]), WithoutFitTime(live[i]));
        }

        // analyze ends with the series' final estimates and when each window first warned.
        var last = offline[^1];
        Assert.Contains($"series {last.GetProperty("series_id").GetString()}: 250 frames, final dose 1250 e/Å², alarm {last.GetProperty("alarm").GetString()}", analyze.Stdout, StringComparison.Ordinal);
        string row = analyze.Stdout.Split('\n').Single(l => l.StartsWith("c_o ", StringComparison.Ordinal));
        var columns = System.Text.RegularExpressions.Regex.Split(row.Trim(), " {2,}");
        var co = last.GetProperty("windows").GetProperty("c_o");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{co.GetProperty("integrity").GetDouble():F2} [{co.GetProperty("integrity_lo").GetDouble():F2}, {co.GetProperty("integrity_hi").GetDouble():F2}]"), columns[1]);
        var firstWarned = offline.First(l => l.GetProperty("alarm_windows").EnumerateArray().Any(w => w.GetString() == "c_o")); // C–O crosses at 850 e/Å²
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{firstWarned.GetProperty("dose_e_a2").GetDouble():F0} e/Å²"), columns[3]);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"order p = {co.GetProperty("kinetic_order").GetDouble():F2}"), columns[^1]);

        // Every change of a window's law between consecutive lines is listed after the table, or none is.
        var changes = new List<string>();
        for (int i = 1; i < offline.Count; i++)
        {
            foreach (var window in offline[i].GetProperty("windows").EnumerateObject())
            {
                string? before = offline[i - 1].GetProperty("windows").GetProperty(window.Name).GetProperty("kinetics").GetString();
                string? after = window.Value.GetProperty("kinetics").GetString();
                if (before is not null && after is not null && before != after)
                {
                    changes.Add(string.Create(CultureInfo.InvariantCulture, $"{window.Name} at {offline[i].GetProperty("dose_e_a2").GetDouble():F0} e/Å² ("));
                }
            }
        }

        string? changeLine = analyze.Stdout.Split('\n').SingleOrDefault(l => l.StartsWith("kinetics changed: ", StringComparison.Ordinal));
        Assert.Equal(changes.Count, changeLine?.Split("; ").Length ?? 0);
        Assert.All(changes, c => Assert.Contains(c, changeLine, StringComparison.Ordinal));

        // Told C–O's kinetic order (as a facility would from earlier sessions), analyze fits it at exactly that order.
        var informed = await CliProcess.RunAsync("eelslive", Limit, "analyze", dir.File("session.eelsrec"), "--out", dir.File("informed.jsonl"), "--kinetic-order", "c_o=1.8");
        Assert.True(informed.ExitCode == 0, informed.Stderr);
        var informedLines = JsonLines.Read(dir.File("informed.jsonl"));
        Assert.Equal(250, informedLines.Count);
        Assert.All(informedLines, l =>
        {
            var window = l.GetProperty("windows").GetProperty("c_o");
            Assert.Equal("order_p", window.GetProperty("kinetics").GetString());
            Assert.Equal(1.8, window.GetProperty("kinetic_order").GetDouble(), 9);
        });
        Assert.Contains("; kinetic orders given: c_o=1.8", informed.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("order p = 1.80 (given 1.8)", informed.Stdout.Split('\n').Single(l => l.StartsWith("c_o ", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
        // Measuring the orders from this recording: it ends at 1250 e/Å², too soon after C–O's half integrity (true D50 850 e/Å²)
        // for the tail of its decay to tell the order, so no window counts and none is suggested.
        var measured = await CliProcess.RunAsync("eelslive", Limit, "kinetic-orders", dir.File("session.eelsrec"));
        Assert.True(measured.ExitCode == 1, measured.Stdout + measured.Stderr);
        string coReason = measured.Stdout.Split('\n').Single(l => l.Contains(", c_o: ", StringComparison.Ordinal));
        Assert.Matches(@"c_o: (its D50 was not estimable|reached [0-2]\.\d × D50, fewer than 3|ended on a stretched exponential)", coReason);
        Assert.Contains("no window has 3 series that count", measured.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--kinetic-order ", measured.Stdout, StringComparison.Ordinal);

        var refused = await CliProcess.RunAsync("eelslive", Limit, "analyze", dir.File("session.eelsrec"), "--out", dir.File("refused.jsonl"), "--kinetic-order", "c_x=1.8");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--kinetic-order names 'c_x', which is not one of the windows", refused.Stderr, StringComparison.Ordinal);

        // Pipeline fields never depend on timing.
        for (int i = 0; i < live.Count; i++)
        {
            Assert.Equal(live[i].GetProperty("dose_e_a2").GetDouble(), offline[i].GetProperty("dose_e_a2").GetDouble());
            Assert.Equal(
                live[i].GetProperty("windows").GetProperty("c_o").GetProperty("signal").GetDouble(),
                offline[i].GetProperty("windows").GetProperty("c_o").GetProperty("signal").GetDouble());
        }
    }

    private static string WithoutFitTime(JsonElement line) =>
        JsonSerializer.Serialize(line.EnumerateObject().Where(p => p.Name != "fit_ms").ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public async Task Dropped_frames_are_counted_as_lost_and_the_dose_stays_exact_from_the_cumulative_total()
    {
        using var dir = new TempDir();
        string endpoint = FreePort.Endpoint();
        const int frames = 400;
        using var monitor = CliProcess.Start("eelslive", "monitor", "--connect", endpoint, "--until-end", "--idle-timeout", "60",
            "--out", dir.File("live.jsonl"), "--model", "none", "--quiet");
        await monitor.WaitForOutputAsync("monitoring", Limit);
        var sim = await CliProcess.RunAsync("eelslive-sim", Limit, "--bind", endpoint, "--preset", "control", "--frames", "400",
            "--rate", "0", "--seed", "3", "--dose-per-frame", "2.5", "--drop", "0.1");
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        Assert.Equal(0, await monitor.WaitAsync(Limit));

        var lines = JsonLines.Read(dir.File("live.jsonl"));
        long lost = lines[^1].GetProperty("lost_frames").GetInt64();
        long lastSeq = lines[^1].GetProperty("seq").GetInt64();
        Assert.InRange(lines.Count, 300, frames - 1);
        Assert.Equal(lastSeq + 1, lines.Count + lost);
        Assert.Equal((lastSeq + 1) * 2.5, lines[^1].GetProperty("dose_e_a2").GetDouble(), 6);
        Assert.All(lines, l => Assert.False(l.GetProperty("dose_estimated").GetBoolean()));
    }

    [Fact]
    public async Task A_monitor_killed_hard_leaves_a_session_file_readable_up_to_its_last_complete_record()
    {
        using var dir = new TempDir();
        string endpoint = FreePort.Endpoint();
        string session = dir.File("killed.eelsrec");
        using var monitor = CliProcess.Start("eelslive", "monitor", "--connect", endpoint, "--record", session, "--model", "none");
        await monitor.WaitForOutputAsync("monitoring", Limit);
        using var sim = CliProcess.Start("eelslive-sim", "--bind", endpoint, "--preset", "mil101fe", "--frames", "100000", "--rate", "500", "--seed", "1");

        var deadline = DateTime.UtcNow + Limit;
        while (!File.Exists(session) || new FileInfo(session).Length < 200_000)
        {
            Assert.True(DateTime.UtcNow < deadline, "the monitor did not record in time");
            await Task.Delay(50);
        }

        monitor.KillHard();
        sim.KillHard();

        using var reader = new SessionFileReader(session);
        int records = 0;
        while (reader.TryRead(out var message))
        {
            records++;
            Assert.Equal(2, message.Frames.Count);
        }

        Assert.True(records > 10, $"only {records} records");
        Assert.True(reader.TailState is SessionTailState.Clean or SessionTailState.Truncated);

        var analyze = await CliProcess.RunAsync("eelslive", Limit, "analyze", session, "--out", dir.File("after-kill.jsonl"), "--model", "none");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        Assert.InRange(JsonLines.Read(dir.File("after-kill.jsonl")).Count, records - 1, records);
    }

    [Fact]
    public async Task Bad_options_fail_with_a_clear_message_and_exit_code()
    {
        var result = await CliProcess.RunAsync("eelslive", Limit, "monitor", "--windows", "c_o:15:10");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hi > lo", result.Stderr);

        var missing = await CliProcess.RunAsync("eelslive", Limit, "analyze", "/nonexistent/file.eelsrec", "--out", "/tmp/x.jsonl");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
    }
}

using EelsLive.TestSupport;
using System.Diagnostics;
using System.Text.Json;
using EelsLive.Cli.Tests.Support;

namespace EelsLive.Cli.Tests.Commands;

/// <summary>The microscope-side Python reference publisher (libzmq) into the monitor (NetMQ), both real processes.</summary>
public class PythonPublisherEndToEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_frame_the_python_publisher_sends_reaches_the_results_with_its_dose_by_the_protocol_rules()
    {
        using var dir = new TempDir();
        string endpoint = FreePort.Endpoint();
        string script = Path.Combine(RepositoryRoot(), "protocols", "python", "example_publish.py");
        using var monitor = CliProcess.Start("eelslive", "monitor", "--connect", endpoint, "--until-end", "--idle-timeout", "50",
            "--out", dir.File("py.jsonl"), "--model", "none", "--quiet");
        await monitor.WaitForOutputAsync("monitoring", Limit);

        var python = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { script, "--bind", endpoint, "--frames", "40", "--rate", "200", "--mix", "--gap-at", "5",
                "--wait-subscriber", "30", "--sent-json", dir.File("sent.json") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        string pythonErrors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"the Python publisher failed (CI installs python3-zmq, python3-msgpack, python3-numpy):\n{pythonErrors}");
        Assert.Equal(0, await monitor.WaitAsync(Limit));

        using var sent = JsonDocument.Parse(File.ReadAllText(dir.File("sent.json")));
        var frames = sent.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("topic").GetString() == "eels.frame").Select(m => m.GetProperty("payload")).ToList();
        var lines = JsonLines.Read(dir.File("py.jsonl"));

        Assert.Equal(frames.Select(f => f.GetProperty("seq").GetInt64()), lines.Select(l => l.GetProperty("seq").GetInt64()));
        Assert.Equal(frames.Select(f => f.GetProperty("t").GetDouble()), lines.Select(l => l.GetProperty("t").GetDouble()));

        // The dose by the protocol's precedence, worked out here from what Python says it sent.
        double total = 0;
        long? last = null;
        for (int i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            long seq = f.GetProperty("seq").GetInt64();
            long missed = last is null ? seq : seq - last.Value - 1;
            double own = f.TryGetProperty("dose_e_a2", out var d) && d.ValueKind == JsonValueKind.Number
                ? d.GetDouble()
                : f.GetProperty("beam_current_pa").GetDouble() * 1e-12 * f.GetProperty("exposure_s").GetDouble()
                  / (1.602176634e-19 * f.GetProperty("illuminated_area_a2").GetDouble());
            total = f.TryGetProperty("cumulative_dose_e_a2", out var c) && c.ValueKind == JsonValueKind.Number
                ? c.GetDouble()
                : total + (own * (missed + 1));
            last = seq;
            Assert.Equal(total, lines[i].GetProperty("dose_e_a2").GetDouble(), 9);
        }

        Assert.Equal(1, lines[^1].GetProperty("lost_frames").GetInt64());
        Assert.Equal(0, lines[^1].GetProperty("rejected_messages").GetInt64());

        // The example's spectra are core-loss (250 eV on): the monitor says that it can measure none of its windows.
        string log = monitor.Stdout + monitor.Stderr;
        Assert.Contains("NO DATA from seq 0 of series", log, StringComparison.Ordinal);
        Assert.Contains("no zero-loss peak in this spectrum", log, StringComparison.Ordinal);
        Assert.Contains("NO DATA pi_pi (1–3 eV), c_c (4–7 eV), c_o (10–15 eV), m_o (20–25 eV) from seq 0", log, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EelsLive.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EelsLive.sln not found above the test's folder.");
    }
}

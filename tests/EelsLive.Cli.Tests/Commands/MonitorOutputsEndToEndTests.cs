using EelsLive.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EelsLive.Cli.Tests.Support;
using MessagePack;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Cli.Tests.Commands;

/// <summary>The monitor's own outputs as a microscope script and a browser reach them: the result stream and the web dashboard.</summary>
public partial class MonitorOutputsEndToEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Monitor_publishes_results_and_serves_the_dashboard_state_while_frames_arrive()
    {
        using var dir = new TempDir();
        string source = FreePort.Endpoint();
        string stream = FreePort.Endpoint();
        Assert.NotEqual(source, stream);
        using var monitor = CliProcess.Start("eelslive", "monitor", "--connect", source, "--publish", stream, "--http", "0",
            "--until-end", "--idle-timeout", "60", "--model", "none", "--quiet", "--budget-dose", "600");
        await monitor.WaitForOutputAsync("web dashboard: http://127.0.0.1:", Limit);
        var dashboard = new Uri(DashboardUrl().Match(monitor.Stdout).Value);

        using var subscriber = new SubscriberSocket();
        subscriber.Connect(stream);
        subscriber.Subscribe("eelslive.");
        await Task.Delay(300);

        // 8 s of frames: long enough that the monitor is still running when a slow test process reads its first result
        // (at 100 frames/s a freshly built CI run asked the dashboard after the monitor had already ended).
        using var sim = CliProcess.Start("eelslive-sim", "--bind", source, "--preset", "control", "--frames", "200", "--rate", "25", "--seed", "2", "--dose-per-frame", "4");
        var results = new List<Dictionary<object, object>>();
        var alarms = new List<Dictionary<object, object>>();
        var deadline = DateTime.UtcNow + Limit;
        bool dashboardChecked = false;
        var quietSinceExit = System.Diagnostics.Stopwatch.StartNew();
        while (DateTime.UtcNow < deadline)
        {
            if (subscriber.TryReceiveFrameString(TimeSpan.FromMilliseconds(200), out string? topic))
            {
                var payload = MessagePackSerializer.Deserialize<Dictionary<object, object>>(subscriber.ReceiveFrameBytes());
                (topic == "eelslive.alarm" ? alarms : results).Add(payload);
                quietSinceExit.Restart();
            }
            else if (!monitor.HasExited)
            {
                quietSinceExit.Restart();
            }
            else if (quietSinceExit.Elapsed > TimeSpan.FromSeconds(3))
            {
                // The monitor has gone and nothing more has come for 3 s. A single empty wait is not enough: on a loaded
                // machine the last messages can still be on their way through this process's NetMQ I/O thread.
                break;
            }

            // Ask as soon as results flow: under load the monitor may lag and send a backlog as a few throttled results.
            if (results.Count >= 1 && !dashboardChecked)
            {
                using var http = new HttpClient();
                var state = await http.GetFromJsonAsync<JsonElement>(new Uri(dashboard, "api/state"));
                Assert.Equal(JsonValueKind.Object, state.ValueKind);
                dashboardChecked = true;
            }
        }

        Assert.True(dashboardChecked, "the dashboard was not asked for its state while results arrived");

        Assert.True(await sim.WaitAsync(Limit) == 0, $"the simulator failed: {sim.Stderr}");
        Assert.Equal(0, await monitor.WaitAsync(Limit));
        Assert.InRange(results.Count, 2, 200); // throttled: at least the first and the last report, never more than one per frame
        Assert.All(results, r => Assert.Equal(1, Convert.ToInt32(r["v"])));
        Assert.Equal("ok", results[^1]["alarm"]);
        var budget = alarms.Select(a => (string)a["budget_alert"]).ToList();
        Assert.True(
            budget.SequenceEqual(["80%", "100%"]),
            $"budget alerts [{string.Join(", ", budget)}] at seq [{string.Join(", ", alarms.Select(a => a["seq"]))}]; results at seq "
            + $"{string.Join(",", results.Select(r => r["seq"]))}; monitor stderr: {monitor.Stderr}");
        Assert.Equal(119L, Convert.ToInt64(alarms[0]["seq"])); // 80% of 600 e/Å² at 4 e/Å² per frame: frame 120, seq 119
        Assert.Equal(149L, Convert.ToInt64(alarms[1]["seq"])); // 100%: frame 150
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex DashboardUrl();
}

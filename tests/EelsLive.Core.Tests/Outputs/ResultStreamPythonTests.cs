using EelsLive.TestSupport;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reactive.Subjects;
using System.Text;
using System.Text.Json;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Pipeline;

namespace EelsLive.Core.Tests.Outputs;

/// <summary>protocols/python/blank_beam_on_alarm.py (Debian's /usr/bin/python3) blanks the beam on a critical alarm sent over a real socket.</summary>
public class ResultStreamPythonTests
{
    private const string Python = "/usr/bin/python3";
    private const string InstallHint = "apt-get install python3 python3-zmq python3-msgpack";

    [Fact]
    public async Task The_example_subscriber_blanks_the_beam_on_a_critical_alarm_at_that_frame_and_exits_0()
    {
        RequireModules();
        using var files = new TempFiles();
        using var stream = new PublishedResults();
        var (endpoint, events, engine) = (stream.Endpoint, stream.Events, stream.Engine);
        using var script = new ScriptRun(endpoint, files.Marker, files.Received);

        int seq = 0;
        FrameReport Feed()
        {
            FrameReport? report = null;
            foreach (var e in engine.Process(TestFrames.Wire(TestFrames.Frame(seq++, dose: 2.5))))
            {
                events.OnNext(e);
                report = (e as FrameReported)?.Report ?? report;
            }

            return report!;
        }

        // Slow joiner: publish results until the script has printed one, then a few more and a critical alarm.
        await script.FeedUntilAsync(line => line.StartsWith("result s1", StringComparison.Ordinal), () => Feed());
        FrameReport last = Feed();
        for (int i = 0; i < 3; i++)
        {
            last = Feed();
        }

        var critical = ResultStreamEncoderTests.CriticalAlarm(last);
        events.OnNext(critical);

        Assert.Equal(0, await script.ExitCodeAsync());
        using var marker = JsonDocument.Parse(File.ReadAllText(files.Marker));
        var m = marker.RootElement;
        Assert.True(m.GetProperty("blanked").GetBoolean());
        Assert.Equal(ResultStreamTopics.Alarm, m.GetProperty("topic").GetString());
        Assert.Equal("s1", m.GetProperty("series_id").GetString());
        Assert.Equal(critical.Report.Seq, m.GetProperty("seq").GetInt64());
        Assert.Equal(critical.Report.DoseEA2, m.GetProperty("dose_e_a2").GetDouble());
        Assert.Equal(["c_o"], m.GetProperty("alarm_windows").EnumerateArray().Select(x => x.GetString()));

        using var received = JsonDocument.Parse(File.ReadAllText(files.Received));
        var messages = received.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var alarm = messages[^1];
        Assert.Equal(ResultStreamTopics.Alarm, alarm.GetProperty("topic").GetString());
        Assert.Equal(1, alarm.GetProperty("payload").GetProperty("v").GetInt32());
        Assert.Equal("critical", alarm.GetProperty("payload").GetProperty("forecast").GetProperty("c_o").GetProperty("level").GetString());
        Assert.Equal("80%", alarm.GetProperty("payload").GetProperty("budget_alert").GetString());
        var results = messages[..^1];
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Equal(ResultStreamTopics.Result, r.GetProperty("topic").GetString());
            Assert.Equal("ok", r.GetProperty("payload").GetProperty("alarm").GetString());
            Assert.Equal(2.5 * (r.GetProperty("payload").GetProperty("seq").GetInt64() + 1), r.GetProperty("payload").GetProperty("dose_e_a2").GetDouble(), 9);
        });
    }

    [Fact]
    public async Task A_late_subscriber_that_missed_the_alarm_blanks_on_the_alarm_field_of_a_result()
    {
        RequireModules();
        using var files = new TempFiles();
        using var stream = new PublishedResults();
        var (endpoint, events, engine) = (stream.Endpoint, stream.Events, stream.Engine);

        // The session is already critical (latched) when the script starts: only results reach it.
        int seq = 0;
        var sentDose = new ConcurrentDictionary<long, double>();
        void FeedCritical()
        {
            foreach (var e in engine.Process(TestFrames.Wire(TestFrames.Frame(seq++, dose: 4))))
            {
                if (e is FrameReported f)
                {
                    var critical = f with { Report = f.Report with { Alarm = "critical", AlarmWindows = ["c_c"] } };
                    sentDose[critical.Report.Seq] = critical.Report.DoseEA2;
                    events.OnNext(critical);
                }
            }
        }

        FeedCritical();
        using var script = new ScriptRun(endpoint, files.Marker, files.Received);
        await script.FeedUntilExitAsync(FeedCritical);

        Assert.Equal(0, await script.ExitCodeAsync());
        using var marker = JsonDocument.Parse(File.ReadAllText(files.Marker));
        var m = marker.RootElement;
        Assert.Equal(ResultStreamTopics.Result, m.GetProperty("topic").GetString());
        Assert.Equal("critical", m.GetProperty("alarm").GetString());
        long blankedSeq = m.GetProperty("seq").GetInt64();
        Assert.True(sentDose.TryGetValue(blankedSeq, out double dose), $"seq {blankedSeq} was never sent");
        Assert.Equal(dose, m.GetProperty("dose_e_a2").GetDouble());
        Assert.Equal(4.0 * (blankedSeq + 1), dose, 9);
    }

    [Theory]
    [InlineData(null, "critical")]
    [InlineData("warning", "warning")]
    public async Task The_subscriber_blanks_on_the_lowest_level_asked_for_and_not_below(string? blankOn, string expected)
    {
        RequireModules();
        using var files = new TempFiles();
        using var stream = new PublishedResults();
        var (endpoint, events, engine) = (stream.Endpoint, stream.Events, stream.Engine);
        using var script = new ScriptRun(endpoint, files.Marker, files.Received, blankOn is null ? [] : ["--blank-on", blankOn]);

        // Results at "ok" until the script has seen one, then "warning" for half a second (the stream sends at most ten
        // results a second, so several get through), then "critical" until it exits.
        int seq = 0;
        var levels = new ConcurrentDictionary<long, string>();
        void Feed(string level)
        {
            foreach (var e in engine.Process(TestFrames.Wire(TestFrames.Frame(seq++, dose: 2))))
            {
                if (e is FrameReported f)
                {
                    var report = f with { Report = f.Report with { Alarm = level, AlarmWindows = level == "ok" ? [] : ["c_c"] } };
                    levels[report.Report.Seq] = level;
                    events.OnNext(report);
                }
            }
        }

        await script.FeedUntilAsync(line => line.StartsWith("result s1", StringComparison.Ordinal), () => Feed("ok"));
        for (int i = 0; i < 10; i++)
        {
            Feed("warning");
            await Task.Delay(50);
        }

        await script.FeedUntilExitAsync(() => Feed("critical"));

        Assert.Equal(0, await script.ExitCodeAsync());
        using var marker = JsonDocument.Parse(File.ReadAllText(files.Marker));
        var m = marker.RootElement;
        Assert.Equal(expected, m.GetProperty("alarm").GetString());
        long blankedSeq = m.GetProperty("seq").GetInt64();
        Assert.Equal(expected, levels[blankedSeq]);
        using var received = JsonDocument.Parse(File.ReadAllText(files.Received));
        var seen = received.RootElement.GetProperty("messages").EnumerateArray().Select(r => r.GetProperty("payload").GetProperty("alarm").GetString()).ToList();
        Assert.Contains("warning", seen); // it saw warnings, and blanked on them only when asked to
    }

    private static void RequireModules()
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} does not exist; the result-stream interop tests need Debian's python3 with pyzmq and msgpack: {InstallHint}");
        }

        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import zmq, msgpack"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PYTHONNOUSERSITE"] = "1" },
        })!;
        string stderr = check.StandardError.ReadToEnd();
        check.WaitForExit();
        if (check.ExitCode != 0)
        {
            Assert.Fail($"{Python} cannot import zmq and msgpack ({stderr.Trim()}); install Debian's packages: {InstallHint}");
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EelsLive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EelsLive.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>A result-stream publisher on a free loopback port, fed from <see cref="Events"/>, and an engine without a model.</summary>
    private sealed class PublishedResults : IDisposable
    {
        private readonly ResultStreamPublisher _publisher;
        private readonly IDisposable _attached;

        public PublishedResults()
        {
            _publisher = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = Endpoint });
            _publisher.Start();
            _attached = _publisher.Attach(Events);
        }

        public string Endpoint { get; } = $"tcp://127.0.0.1:{FreePort.Next()}";

        public Subject<PipelineEvent> Events { get; } = new();

        public MonitorEngine Engine { get; } = new(new MonitorOptions { Model = null });

        public void Dispose()
        {
            _attached.Dispose();
            _publisher.Dispose();
        }
    }

    /// <summary>Two temporary file paths, deleted afterwards.</summary>
    private sealed class TempFiles : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("eelslive-resultstream-").FullName;

        public string Marker => Path.Combine(_dir, "blanked.json");

        public string Received => Path.Combine(_dir, "received.json");

        public void Dispose() => Directory.Delete(_dir, recursive: true);
    }

    /// <summary>blank_beam_on_alarm.py running with --exit-after-critical, its output collected line by line.</summary>
    private sealed class ScriptRun : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _stdout = new();
        private readonly StringBuilder _stderr = new();

        public ScriptRun(string endpoint, string markerFile, string receivedJson, IEnumerable<string>? extraArguments = null)
        {
            var info = new ProcessStartInfo(Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoRoot(),
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string arg in new[]
            {
                Path.Combine("protocols", "python", "blank_beam_on_alarm.py"), "--connect", endpoint, "--exit-after-critical",
                "--on-critical-file", markerFile, "--timeout", Limit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--received-json", receivedJson,
            }.Concat(extraArguments ?? []))
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["PYTHONNOUSERSITE"] = "1";
            info.Environment["PYTHONIOENCODING"] = "utf-8";
            info.Environment.Remove("PYTHONPATH");
            _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.Enqueue(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        private string Output => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{_stderr}";

        /// <summary>Calls <paramref name="feed"/> every 50 ms until a printed line matches <paramref name="seen"/>.</summary>
        public async Task FeedUntilAsync(Func<string, bool> seen, Action feed)
        {
            var deadline = Stopwatch.StartNew();
            while (!_stdout.Any(seen))
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"the script exited early ({_process.ExitCode}). {Output}");
                }

                Assert.True(deadline.Elapsed < Limit, $"the script printed no matching line within {Limit}. {Output}");
                feed();
                await Task.Delay(50);
            }
        }

        /// <summary>Calls <paramref name="feed"/> every 50 ms until the script exits.</summary>
        public async Task FeedUntilExitAsync(Action feed)
        {
            var deadline = Stopwatch.StartNew();
            while (!_process.HasExited)
            {
                Assert.True(deadline.Elapsed < Limit + TimeSpan.FromSeconds(5), $"the script did not exit. {Output}");
                feed();
                await Task.Delay(50);
            }
        }

        public async Task<int> ExitCodeAsync()
        {
            using var timeout = new CancellationTokenSource(Limit + TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the script did not exit within {Limit}. {Output}");
            }

            _process.WaitForExit(); // drains the redirected output
            Assert.True(_process.ExitCode == 0, $"exit code {_process.ExitCode}. {Output}");
            return _process.ExitCode;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            _process.Dispose();
        }
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using EelsLive.Cli.Console;
using EelsLive.CommandLine;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Outputs;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Transport;
using EelsLive.Web;
using Microsoft.Extensions.Logging;

namespace EelsLive.Cli.Monitoring;

/// <summary>
/// One live monitoring run: the SUB source, the engine, and the sinks (JSON Lines, recording, console, logs, metrics),
/// shut down in order (sinks flushed, sockets closed) however the run ends. Shared by <c>monitor</c> and <c>demo</c>.
/// </summary>
internal sealed class MonitorSession
{
    private readonly MonitorSessionSettings _settings;
    private readonly ILogger _logger;
    private readonly TextWriter _stdout;
    private readonly TimeProvider _time;

    public MonitorSession(MonitorSessionSettings settings, ILoggerFactory loggers, TextWriter stdout, TimeProvider time)
    {
        _settings = settings;
        _logger = loggers.CreateLogger("EelsLive.Monitor");
        _stdout = stdout;
        _time = time;
    }

    /// <summary>Extra subscribers to the engine's events, attached before the source starts (dashboards, streams).</summary>
    public List<Func<LiveMonitor, IDisposable>> Attachments { get; } = [];

    /// <summary>Runs until the stop condition or cancellation; <paramref name="alongside"/> runs once the source is listening (the demo's simulator).</summary>
    public async Task<MonitorSessionResult> RunAsync(CancellationToken cancellation, Func<CancellationToken, Task>? alongside = null)
    {
        // Live, refits are coalesced by the clock, so a refit that catches up on several frames is held to a time budget.
        var options = _settings.Options with { ModelOptions = _settings.Options.ModelOptions with { RefitTimeBudget = ModelOptions.LiveRefitTimeBudget } };
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = _settings.Endpoint, Limits = options.Limits }, _time);

        // Connected first, so that an endpoint that cannot be used stops the run before anything says it has started;
        // what arrives before the engine subscribes waits in the source's queue.
        StartSource(source, _settings.Endpoint);
        if (_settings.StartLine is { } startLine)
        {
            await _stdout.WriteLineAsync(startLine).ConfigureAwait(false);
        }

        using var jsonl = _settings.OutPath is null ? null : OutputPath.Open("--out", _settings.OutPath, path => new JsonLinesWriter(path));
        using var recorder = _settings.RecordPath is null ? null : OutputPath.Open("--record", _settings.RecordPath, path => new SessionFileWriter(path));
        using var metrics = new MonitorMetrics();
        var monitor = new LiveMonitor(source.Messages, new MonitorEngine(options), TaskPoolScheduler.Default);
        var rejections = new RejectionLog(line => _logger.LogWarning("{Rejection}", line), _time);
        var summary = new ConsoleSummary(_stdout, monitor.Statistics, _time);
        FrameReport? last = null;
        IReadOnlySet<string> changing = new HashSet<string>();
        var relay = new Subject<PipelineEvent>();
        await using var dashboard = _settings.HttpPort is { } port
            ? await StartDashboardAsync(
                new DashboardOptions
                {
                    Port = port,
                    Threshold = options.Alarms.Threshold,
                    DoseBudgetEA2 = options.Alarms.BudgetDoseEA2,
                    KnownOrders = options.Model == ModelKind.Physics ? options.ModelOptions.KnownOrders : [],
                    TimeProvider = _time,
                },
                relay,
                cancellation).ConfigureAwait(false)
            : null;
        if (dashboard is not null)
        {
            Attachments.Add(m => m.Events.Subscribe(relay));
            await _stdout.WriteLineAsync($"web dashboard: {dashboard.Address}").ConfigureAwait(false);
        }

        using var stream = _settings.PublishEndpoint is null
            ? null
            : new ResultStreamPublisher(new ResultStreamOptions { Endpoint = _settings.PublishEndpoint }.Validate(), scheduler: null, log: System.Console.Error);
        if (stream is not null)
        {
            StartStream(stream, _settings.PublishEndpoint!);
            await _stdout.WriteLineAsync($"result and alarm stream: {stream.BoundEndpoint}").ConfigureAwait(false);
        }

        var subscriptions = new List<IDisposable>();
        if (stream is not null)
        {
            subscriptions.Add(stream.Attach(monitor.Events));
        }

        if (recorder is not null)
        {
            subscriptions.Add(monitor.RawMessages.Subscribe(m => recorder.Append(m.Message.ReceivedUnixS, m.Message.Frames)));
        }

        subscriptions.Add(monitor.Events.Subscribe(e =>
        {
            metrics.Observe(e);
            switch (e)
            {
                case FrameReported f:
                    jsonl?.Write(f.Report);
                    last = f.Report;
                    if (f.Snapshot is { } snapshot)
                    {
                        changing = snapshot.ChangingWindows(options.ModelOptions.ChangeSignificanceZ);
                    }

                    break;
                case MessageRejected r:
                    rejections.Log(r.Reason, r.RejectedTotal);
                    break;
                case SeriesStarted s:
                    _logger.LogInformation("series {SeriesId} started", s.SeriesId);
                    break;
                case AlarmChanged a:
                    _logger.Log(AlarmText.IsAlert(a) ? LogLevel.Warning : LogLevel.Information, "{Alarm}", AlarmText.Describe(a, options.Alarms.Threshold));
                    break;
                case KineticsChanged k:
                    _logger.LogInformation("{Kinetics}", KineticsText.Describe(k));
                    break;
                case MeasurementProblemFound p:
                    _logger.LogWarning("{Measurement}", MeasurementText.Describe(p));
                    break;
                case SeriesEnded end:
                    _logger.LogInformation(
                        "series {SeriesId} ended ({Reason}): {Frames} frames accepted, {Lost} lost",
                        end.End.SeriesId, end.End.Reason.WireName(), end.FramesAccepted, end.LostFrames);
                    break;
            }
        }));

        foreach (var attach in Attachments)
        {
            subscriptions.Add(attach(monitor));
        }

        if (_settings.LiveDashboard)
        {
            var terminal = new TerminalDashboard(
                monitor.Events, monitor.Statistics, Spectre.Console.AnsiConsole.Console, DashboardMode.Live,
                DashboardSettings.For(options, quiet: false), _time, TaskPoolScheduler.Default);
            terminal.Start();
            subscriptions.Add(terminal);
        }
        else if (_settings.Summary)
        {
            subscriptions.Add(Observable.Interval(TimeSpan.FromSeconds(1), TaskPoolScheduler.Default).Subscribe(_ => summary.WriteLine()));
        }

        RunOutcome outcome;
        try
        {
            WarmUp(options);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var run = monitor.RunAsync(_settings.Run, stop.Token);
            _logger.LogInformation("monitoring {Endpoint}", _settings.Endpoint);
            subscriptions.Add(WarnIfSilent(monitor));
            var side = alongside?.Invoke(stop.Token) ?? Task.CompletedTask;
            outcome = await run.ConfigureAwait(false);
            stop.Cancel();
            await side.ConfigureAwait(false);
        }
        finally
        {
            source.Stop();
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            jsonl?.Flush();
        }

        if (_settings.Summary && !_settings.LiveDashboard)
        {
            summary.WriteLine();
        }

        if (source.QueueDropped > 0)
        {
            _logger.LogWarning("{Dropped} received messages were discarded because the monitor stopped while processing was behind", source.QueueDropped);
        }

        return new MonitorSessionResult(outcome, monitor.Statistics.Frames, monitor.Statistics.Rejected, source.QueueDropped, last) { ChangingWindows = changing };
    }

    /// <summary>How long the monitor waits for a first message before it says that nothing is arriving.</summary>
    internal static TimeSpan SilenceWarningAfter { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Logs once if no message at all has arrived <see cref="SilenceWarningAfter"/> after the start: a monitor that hears
    /// nothing looks, at a glance, like one watching an undamaged sample.
    /// </summary>
    private IDisposable WarnIfSilent(LiveMonitor monitor)
    {
        var heard = monitor.RawMessages.Take(1).Select(_ => false);
        return Observable.Timer(SilenceWarningAfter, TaskPoolScheduler.Default).Select(_ => true)
            .Amb(heard)
            .Where(silent => silent)
            .Subscribe(_ => _logger.LogWarning(
                "nothing received from {Endpoint} in {Seconds:F0} s: is the source publishing there? (a publisher bound to 127.0.0.1 cannot be reached from another PC; bind it to the network address)",
                _settings.Endpoint, SilenceWarningAfter.TotalSeconds));
    }

    private static async Task<DashboardServer> StartDashboardAsync(DashboardOptions options, IObservable<PipelineEvent> events, CancellationToken cancellation)
    {
        try
        {
            return await DashboardServer.StartAsync(options, events, cancellation).ConfigureAwait(false);
        }
        catch (IOException ex) when (IsAddressInUse(ex))
        {
            throw new UnusableSettingException(
                $"--http {options.Port}: port {options.Port} on {options.BindAddress} is already in use by another program; give another port (0 picks a free one), or stop that program.", ex);
        }
        catch (IOException ex)
        {
            throw new UnusableSettingException($"--http {options.Port}: {ex.Message}", ex);
        }
    }

    private static bool IsAddressInUse(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return true;
            }
        }

        return false;
    }

    private static void StartStream(ResultStreamPublisher stream, string endpoint)
    {
        try
        {
            stream.Start();
        }
        catch (InvalidOperationException ex)
        {
            throw new UnusableSettingException($"--publish {endpoint}: cannot bind the result stream there: {EndpointFailure.Describe(ex.InnerException ?? ex)}.", ex);
        }
    }

    private static void StartSource(ZmqSubscriberSource source, string endpoint)
    {
        try
        {
            source.Start();
        }
        catch (InvalidOperationException ex)
        {
            throw new UnusableSettingException($"--connect {endpoint}: cannot connect there: {EndpointFailure.Describe(ex.InnerException ?? ex)}.", ex);
        }
    }

    /// <summary>
    /// Runs a few synthetic frames through a throwaway engine so that compiling the hot path does not delay the first
    /// real frames (which would make their refits coalesce).
    /// </summary>
    private static void WarmUp(MonitorOptions options)
    {
        var engine = new MonitorEngine(options);
        var topic = System.Text.Encoding.UTF8.GetBytes(WireTopics.Frame);
        var counts = new double[2048];
        for (int seq = 0; seq < 3; seq++)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                double e = -5 + (i * 0.05);
                counts[i] = (1e5 * Math.Exp(-e * e / 0.18)) + 100 + seq;
            }

            var frame = new FrameMessage("warm-up", seq, 0, 0.1, counts.Length, -5, 0.05, SpectrumCounts.FromValues(counts, CountsDtype.F32)) { DoseEA2 = 1 };
            engine.Process(new RecordedMessage(0, [topic, WireEncoder.Encode(frame)]));
        }
    }
}

using System.CommandLine;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Transport;
using NetMQ;

namespace EelsLive.Cli.Commands;

/// <summary><c>eelslive monitor</c>: subscribe to a source, account dose, integrate windows, fit, alarm, record.</summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var connect = new Option<string>("--connect")
        {
            Description = "The source's ZeroMQ endpoint (the microscope PC, the simulator or a replay).",
            DefaultValueFactory = _ => WireTopics.DefaultEndpoint,
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write one JSON object per accepted frame to this JSON Lines file." };
        var record = new Option<FileInfo?>("--record") { Description = "Append every received wire message (valid or not) to this session file for replay and analyze." };
        var untilEnd = new Option<bool>("--until-end") { Description = "Exit 0 after the first series' eels.end (or after --idle-timeout of silence)." };
        var idle = new Option<double?>("--idle-timeout") { Description = "Exit after this many seconds without any message." };
        var quiet = new Option<bool>("--quiet") { Description = "Do not print the once-a-second summary line." };

        var command = new Command("monitor", "Subscribe to an EELS source and monitor beam damage live.");
        command.Add(connect);
        command.Add(output);
        command.Add(record);
        command.Add(untilEnd);
        command.Add(idle);
        command.Add(quiet);
        engine.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            MonitorOptions options;
            try
            {
                options = engine.Build(parse);
                if (parse.GetValue(idle) is { } s && !(s > 0))
                {
                    throw new ArgumentException("--idle-timeout must be > 0 seconds.");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }

            var settings = new RunSettings
            {
                UntilEnd = parse.GetValue(untilEnd),
                IdleTimeout = parse.GetValue(idle) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            return await RunAsync(
                parse.GetValue(connect)!, options, settings, parse.GetValue(output)?.FullName, parse.GetValue(record)?.FullName,
                parse.GetValue(quiet), cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string endpoint, MonitorOptions options, RunSettings settings, string? outPath, string? recordPath, bool quiet, CancellationToken cancellation)
    {
        var time = TimeProvider.System;
        var stdout = System.Console.Out;
        var stderr = System.Console.Error;
        RunOutcome outcome;
        long frames;
        try
        {
            using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint, Limits = options.Limits }, time);
            using var jsonl = outPath is null ? null : new JsonLinesWriter(outPath);
            using var recorder = recordPath is null ? null : new SessionFileWriter(recordPath);
            var monitor = new LiveMonitor(source.Messages, new MonitorEngine(options), TaskPoolScheduler.Default);
            var log = new RejectionLog(stderr, time);
            var summary = new ConsoleSummary(stdout, monitor.Statistics, time);

            using var recording = recorder is null ? null : monitor.RawMessages.Subscribe(m => recorder.Append(m.Message.ReceivedUnixS, m.Message.Frames));
            using var events = monitor.Events.Subscribe(e =>
            {
                switch (e)
                {
                    case FrameReported f: jsonl?.Write(f.Report); break;
                    case MessageRejected r: log.Log(r.Reason, r.RejectedTotal); break;
                    case SeriesStarted s: stdout.WriteLine($"series '{s.SeriesId}' started"); break;
                    case AlarmChanged a: stdout.WriteLine(AlarmText.Describe(a, options.Alarms.Threshold)); break;
                    case SeriesEnded end: stdout.WriteLine($"series '{end.End.SeriesId}' ended ({end.End.Reason.WireName()}): {end.FramesAccepted} frames accepted, {end.LostFrames} lost"); break;
                }
            });
            using var ticker = quiet ? null : Observable.Interval(TimeSpan.FromSeconds(1), TaskPoolScheduler.Default).Subscribe(_ => summary.WriteLine());

            source.Start();
            await stdout.WriteLineAsync($"monitoring {endpoint} (Ctrl-C to stop)");
            outcome = await monitor.RunAsync(settings, cancellation);
            source.Stop();
            jsonl?.Flush();
            frames = monitor.Statistics.Frames;
            if (!quiet)
            {
                summary.WriteLine();
            }

            if (source.QueueDropped > 0)
            {
                await stderr.WriteLineAsync($"warning: {source.QueueDropped} messages were dropped because processing fell behind the queue");
            }
        }
        catch (InvalidOperationException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        finally
        {
            NetMQConfig.Cleanup(block: false);
        }

        await stdout.WriteLineAsync($"stopped: {outcome} after {frames} frames" + (outPath is null ? string.Empty : $"; results in {outPath}") + (recordPath is null ? string.Empty : $"; session recorded in {recordPath}"));
        return 0;
    }
}

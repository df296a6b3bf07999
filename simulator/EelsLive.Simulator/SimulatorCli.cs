using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using EelsLive.CommandLine;
using EelsLive.Transport;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Simulation;
using NetMQ;

namespace EelsLive.Simulator;

/// <summary>Builds the <c>eelslive-sim</c> command line: simulate a damaging low-loss EELS series, or replay a recorded session.</summary>
internal static class SimulatorCli
{
    /// <summary>How a command line that does not parse is reported: the error and a pointer to --help, exit code 1 (invalid usage).</summary>
    private static readonly UsageErrors Usage = new("eelslive-sim", "eelslive-sim: ", ExitCodes.InvalidUsage);

    /// <summary>Parses and runs <paramref name="args"/>, or reports why they do not parse.</summary>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        Usage.InvokeAsync(Build(timeProvider), args, configuration, cancellationToken);

    public static RootCommand Build(TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var options = new SimulateOptions();
        var root = new RootCommand(
            "eelslive-sim: publishes simulated in situ low-loss EELS frames of a beam-sensitive sample on a ZeroMQ PUB socket " +
            "(protocol v1: eels.start, eels.frame…, eels.end), with known damage kinetics, so that EelsLive can be tested and demonstrated.\n\n" +
            "Examples:\n" +
            "  eelslive-sim --preset mil101fe --frames 2000 --rate 20 --truth truth.json\n" +
            "  eelslive-sim --preset control --rate 0 --frames 100000 --bind tcp://127.0.0.1:5600\n" +
            "  eelslive-sim --beam-current-pa 50 --area-a2 1e6 --exposure-s 0.05 --no-cumulative --drop 0.02\n" +
            "  eelslive-sim replay session.eelsrec --speed 2\n\n" +
            "Presets:\n" + string.Concat(SimulationPresets.All.Select(p => $"  {p.Name,-12} {p.Description}\n")));
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Validators.Add(options.ValidateCombination);
        root.SetAction((parse, cancellationToken) => SimulateAsync(parse, options, time, cancellationToken));
        root.Subcommands.Add(BuildReplay(time));
        return NumberParsers.ApplyTo(root);
    }

    private static Command BuildReplay(TimeProvider time)
    {
        // Not AcceptExistingOnly: a file that cannot be read is exit code 2 ("cannot read"), not invalid usage.
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A session file recorded by EelsLive.",
        };
        var bind = EndpointOption.Create();
        var warmup = EndpointOption.CreateWarmup();
        var speed = new Option<double>("--speed", "-x")
        {
            Description = "Playback speed: recorded gaps are divided by this; 0 = as fast as possible.",
            HelpName = "X",
            DefaultValueFactory = _ => 1,
        }.NonNegative();
        var replay = new Command("replay", "Republish a recorded session byte for byte (every ZeroMQ frame as received, valid or not) with its original pacing.")
        {
            file, bind, warmup, speed,
        };
        replay.SetAction((parse, cancellationToken) => ReplayAsync(
            parse,
            parse.GetRequiredValue(file),
            // A recording is finite, so the replay never drops at a high-water mark (0 = unlimited): a slow consumer gets
            // the whole session late rather than a session without its tail.
            new PublisherOptions { Endpoint = parse.GetRequiredValue(bind), WarmupTimeout = TimeSpan.FromMilliseconds(parse.GetValue(warmup)), SendHighWatermark = 0 },
            parse.GetValue(speed),
            time,
            cancellationToken));
        return replay;
    }

    private static async Task<int> SimulateAsync(ParseResult parse, SimulateOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        SimulatedSeries series;
        try
        {
            series = options.ToSeries(parse);
            if (parse.GetValue(options.Truth) is { } truthPath)
            {
                OutputPath.File("--truth", truthPath);
                OutputPath.Open("--truth", truthPath, path =>
                {
                    GroundTruthFile.Write(GroundTruth.For(series, parse.GetValue(options.Threshold)), path);
                    return path;
                });
                output.WriteLine($"eelslive-sim: ground truth written to {Path.GetFullPath(truthPath)}");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or UnusableSettingException)
        {
            error.WriteLine($"eelslive-sim: {ex.Message}");
            return ExitCodes.Failure;
        }

        var publisherOptions = options.ToPublisherOptions(parse);
        if (!TryCreatePublisher(publisherOptions, time, error, out var publisher))
        {
            return ExitCodes.Failure;
        }

        using (publisher)
        {
            var scenario = series.Scenario;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"eelslive-sim: {scenario.Preset.Name}, seed {scenario.Seed}, {series.Options.Frames} frames of {scenario.Axis.Channels} channels, " +
                $"{scenario.Dose.DosePerFrameEA2:G4} e/Å² per frame, series '{series.Options.SeriesId}' on {publisher.Endpoint}; " +
                $"waiting up to {publisherOptions.WarmupTimeout.TotalMilliseconds:F0} ms for a subscriber…"));
            var result = await publisher.PublishAsync(series, parse.GetValue(options.Rate), cancellationToken).ConfigureAwait(false);
            if (!result.SubscriberSeen)
            {
                error.WriteLine("eelslive-sim: warning: no subscriber connected during the warm-up; published anyway.");
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"eelslive-sim: {result.Reason.WireName()}: {result.FramesSent} of {result.FramesProduced} frames sent in {result.Elapsed.TotalSeconds:F2} s ({result.FramesPerSecond:F0} frames/s)."));
            return result.Reason == EndReason.Completed ? ExitCodes.Success : ExitCodes.Aborted;
        }
    }

    private static async Task<int> ReplayAsync(ParseResult parse, FileInfo file, PublisherOptions publisherOptions, double speed, TimeProvider time, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            // Fail fast on a file that is missing, a folder or not a session file, before binding or waiting for a subscriber.
            if (Directory.Exists(file.FullName))
            {
                throw new IOException("it is a folder; give a session file recorded by eelslive monitor --record.");
            }

            if (!file.Exists)
            {
                throw new IOException("the file does not exist.");
            }

            new SessionFileReader(file.FullName).Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"eelslive-sim: cannot read {file.FullName}: {ex.Message}");
            return ExitCodes.Failure;
        }

        if (!TryCreatePublisher(publisherOptions, time, error, out var publisher))
        {
            return ExitCodes.Failure;
        }

        using (publisher)
        {
            output.WriteLine($"eelslive-sim: replaying {file.FullName} on {publisher.Endpoint} at speed {speed.ToString(CultureInfo.InvariantCulture)}; waiting up to {publisherOptions.WarmupTimeout.TotalMilliseconds:F0} ms for a subscriber…");
            ReplayResult result;
            try
            {
                result = await publisher.ReplayAsync(SessionFileReader.ReadAll(file.FullName), speed, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"eelslive-sim: cannot read {file.FullName}: {ex.Message}");
                return ExitCodes.Failure;
            }

            if (!result.SubscriberSeen)
            {
                error.WriteLine("eelslive-sim: warning: no subscriber connected during the warm-up; published anyway.");
            }

            output.WriteLine($"eelslive-sim: {(result.Aborted ? "aborted" : "completed")}: {result.MessagesSent} messages republished, {result.MessagesSkipped} empty records skipped.");
            return result.Aborted ? ExitCodes.Aborted : ExitCodes.Success;
        }
    }

    private static bool TryCreatePublisher(PublisherOptions options, TimeProvider time, TextWriter error, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SimulatorPublisher? publisher)
    {
        try
        {
            publisher = new SimulatorPublisher(options, time);
            return true;
        }
        catch (Exception ex) when (ex is NetMQException or ArgumentException or SocketException or FormatException)
        {
            error.WriteLine($"eelslive-sim: cannot bind --bind {options.Endpoint}: {EndpointFailure.Describe(ex)}.");
            publisher = null;
            return false;
        }
    }
}

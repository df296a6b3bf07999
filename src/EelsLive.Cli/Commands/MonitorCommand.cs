using System.CommandLine;
using EelsLive.Cli.Console;
using EelsLive.Cli.Hosting;
using EelsLive.Cli.Monitoring;
using EelsLive.CommandLine;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Outputs;
using EelsLive.Protocol;
using EelsLive.Reports;
using EelsLive.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EelsLive.Cli.Commands;

/// <summary><c>eelslive monitor</c>: subscribe to a source, account dose, integrate windows, fit, alarm, record.</summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var connect = new Option<string?>("--connect")
        {
            Description = $"The source's ZeroMQ endpoint: the microscope PC, the simulator or a replay [default: {WireTopics.DefaultEndpoint}].",
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write one JSON object per accepted frame to this JSON Lines file." };
        var record = new Option<FileInfo?>("--record") { Description = "Append every received wire message (valid or not) to this session file, for analyze and replay." };
        var untilEnd = new Option<bool>("--until-end") { Description = "Exit 0 after the first series' eels.end (or after --idle-timeout of silence)." };
        var idle = new Option<double?>("--idle-timeout") { Description = "Exit after this many seconds without any message." };
        var everyFrame = new Option<bool>("--refit-every-frame")
        {
            Description = "Refit on every frame even when frames queue up, so analyze reproduces the run exactly (the monitor may fall behind a fast source).",
        };
        var quiet = new Option<bool>("--quiet") { Description = "Do not print the once-a-second summary line." };
        var publish = new Option<string?>("--publish")
        {
            Description = "Publish results (eelslive.result, throttled) and alarms (eelslive.alarm, at once) on this ZeroMQ endpoint, e.g. tcp://127.0.0.1:5557.",
        };
        var http = new Option<int?>("--http") { Description = "Serve the live web dashboard on http://127.0.0.1:PORT/ (0 picks a free port)." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "After the run, write the session report (report.html, PNG figures, results.csv) to this folder; needs --record or --out." };

        var command = new Command("monitor", "Subscribe to an EELS source and monitor beam damage live.");
        command.Add(connect);
        command.Add(output);
        command.Add(record);
        command.Add(untilEnd);
        command.Add(idle);
        command.Add(quiet);
        command.Add(everyFrame);
        command.Add(publish);
        command.Add(http);
        command.Add(report);
        engine.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            IConfigurationRoot configuration;
            MonitorSessionSettings settings;
            string? reportDir;
            try
            {
                var commandLine = engine.CommandLineSettings(parse).ToList();
                if (parse.GetValue(connect) is { } endpoint)
                {
                    commandLine.Add(new(SettingsReader.KeyOf("--connect"), endpoint));
                }

                if (parse.GetValue(publish) is { } published)
                {
                    commandLine.Add(new(SettingsReader.KeyOf("--publish"), published));
                }

                if (parse.GetValue(http) is { } httpPort)
                {
                    commandLine.Add(new(SettingsReader.KeyOf("--http"), httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                configuration = EelsLiveConfiguration.Build(commandLine);
                if (parse.GetValue(report) is not null && parse.GetValue(record) is null && parse.GetValue(output) is null)
                {
                    throw new ArgumentException("--report needs --record (spectra and both models) or --out.");
                }

                var reader = new SettingsReader(configuration);
                if (reader.Integer("--http") is { } port && port is < 0 or > 65535)
                {
                    throw new ArgumentException($"--http must be a TCP port (0–65535), got {port}.");
                }

                string? publishEndpoint = reader.Text("--publish");
                if (publishEndpoint is not null)
                {
                    try
                    {
                        new ResultStreamOptions { Endpoint = publishEndpoint }.Validate();
                    }
                    catch (ArgumentException ex)
                    {
                        throw new ArgumentException($"--publish: {ex.Message}", ex);
                    }
                }

                double? idleSeconds = parse.GetValue(idle);
                if (idleSeconds is { } s && !(s > 0))
                {
                    throw new ArgumentException("--idle-timeout must be > 0 seconds.");
                }

                string source = reader.Text("--connect") ?? WireTopics.DefaultEndpoint;
                try
                {
                    new SubscriberOptions { Endpoint = source }.Validate();
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException($"--connect: {ex.Message}", ex);
                }

                settings = new MonitorSessionSettings
                {
                    Endpoint = source,
                    Options = EngineOptionSet.Build(configuration),
                    Run = new RunSettings
                    {
                        UntilEnd = parse.GetValue(untilEnd),
                        IdleTimeout = idleSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                        CoalesceRefits = !parse.GetValue(everyFrame),
                    },
                    OutPath = parse.GetValue(output) is { } outFile ? OutputPath.File("--out", outFile.FullName) : null,
                    RecordPath = parse.GetValue(record) is { } recordFile ? OutputPath.File("--record", recordFile.FullName) : null,
                    Summary = !parse.GetValue(quiet),
                    LiveDashboard = TerminalDashboard.ModeFor(Spectre.Console.AnsiConsole.Console, parse.GetValue(quiet)) == DashboardMode.Live,
                    HttpPort = reader.Integer("--http"),
                    PublishEndpoint = publishEndpoint,
                };

                reportDir = parse.GetValue(report) is { } reportFolder ? OutputPath.Folder("--report", reportFolder.FullName) : null;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or UnusableSettingException)
            {
                await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }

            return await CommandHost.RunAsync(
                configuration,
                (services, stop) => RunAsync(services, settings, reportDir, stop),
                cancellation,
                settings.LiveDashboard ? LogLevel.Error : LogLevel.Information);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, MonitorSessionSettings settings, string? reportDir, CancellationToken stop)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var stdout = System.Console.Out;
        MonitorSessionResult result;
        try
        {
            var known = settings.Options.ModelOptions.KnownOrders;
            var session = new MonitorSession(
                settings with
                {
                    StartLine = $"monitoring {settings.Endpoint} (Ctrl-C to stop)"
                        + (known.Count > 0 && settings.Options.Model == ModelKind.Physics ? $"; kinetic orders given: {KnownOrder.FormatList(known)}" : string.Empty),
                },
                loggers,
                stdout,
                services.GetRequiredService<TimeProvider>());
            result = await session.RunAsync(stop);
        }
        catch (UnusableSettingException ex)
        {
            await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        finally
        {
            NetMQShutdown.Run();
        }

        await stdout.WriteLineAsync($"stopped: {result.Outcome} after {result.Frames} frames"
            + (settings.OutPath is null ? string.Empty : $"; results in {settings.OutPath}")
            + (settings.RecordPath is null ? string.Empty : $"; session recorded in {settings.RecordPath}"));
        if (reportDir is not null && result.Frames > 0)
        {
            ReportCommand.Run(settings.RecordPath ?? settings.OutPath!, reportDir, new SessionReportOptions { Engine = settings.Options, Threshold = settings.Options.Alarms.Threshold });
        }

        return 0;
    }
}

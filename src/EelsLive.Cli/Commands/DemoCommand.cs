using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EelsLive.Cli.Console;
using EelsLive.Cli.Hosting;
using EelsLive.Cli.Monitoring;
using EelsLive.CommandLine;
using EelsLive.Engine;
using EelsLive.Reports;
using EelsLive.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EelsLive.Cli.Commands;

/// <summary>
/// <c>eelslive demo</c>: the simulator (MIL-101(Fe) at 300 kV) and the monitor in one process over real loopback ZeroMQ at an
/// accelerated pace, with the live dashboards, a session report at the end and the ground truth to compare against.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var headless = new Option<bool>("--headless") { Description = "No live terminal dashboard: plain log lines, for scripts." };
        var outDir = new Option<DirectoryInfo?>("--out-dir") { Description = "Where results, recording, truth and report go [default: ./eelslive-demo-<time>]." };
        var frames = new Option<int>("--frames") { Description = "Frames to simulate.", DefaultValueFactory = _ => 1500 };
        var rate = new Option<double>("--rate") { Description = "Frames per second (the default runs about 40 s); each frame is stamped with an exposure of 1/rate, so the frames' clock, the dose rate and the dashboards' \"≈ N s\" follow the wall clock.", DefaultValueFactory = _ => 40 };
        var dosePerFrame = new Option<double>("--dose-per-frame") { Description = "Electron dose per frame in e/Å².", DefaultValueFactory = _ => 4 };
        var preset = new Option<string>("--preset") { Description = $"Simulator preset: {string.Join(", ", SimulationPresets.Names)}.", DefaultValueFactory = _ => "mil101fe" };
        var simSeed = new Option<int>("--sim-seed") { Description = "Seed of the simulated noise.", DefaultValueFactory = _ => 1 };
        var http = new Option<int>("--http") { Description = "Port of the web dashboard on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };

        var command = new Command("demo", "Run the simulator and the monitor together: a 40-second MIL-101(Fe) beam-damage session with dashboards and a report.");
        foreach (var option in new Option[] { headless, outDir, frames, rate, dosePerFrame, preset, simSeed, http })
        {
            command.Add(option);
        }

        engine.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            IConfigurationRoot configuration;
            MonitorOptions options;
            SimulatedSeries series;
            string directory;
            try
            {
                configuration = EelsLiveConfiguration.Build(engine.CommandLineSettings(parse));
                options = EngineOptionSet.Build(configuration);
                if (!SimulationPresets.TryGet(parse.GetValue(preset)!, out var chosen))
                {
                    throw new ArgumentException($"--preset must be one of {string.Join(", ", SimulationPresets.Names)}.");
                }

                if (parse.GetValue(frames) < 1 || !(parse.GetValue(rate) > 0) || !(parse.GetValue(dosePerFrame) > 0))
                {
                    throw new ArgumentException("--frames must be >= 1, --rate and --dose-per-frame > 0.");
                }

                // Each frame's exposure is the time between frames, so the frames' own clock runs with the wall clock: the dose
                // rate and every "≈ N s at the current rate" on the dashboards are what the user sees happen.
                var scenario = new SimulationScenario(chosen, parse.GetValue(simSeed)) { Dose = DoseSettings.PerFrame(parse.GetValue(dosePerFrame), 1 / parse.GetValue(rate)) };
                series = new SimulatedSeries(scenario, new SeriesOptions { Frames = parse.GetValue(frames), SeriesId = $"demo-{chosen.Name}-{parse.GetValue(simSeed)}" });
                directory = OutputPath.Folder("--out-dir", parse.GetValue(outDir)?.FullName
                    ?? Path.Combine(Directory.GetCurrentDirectory(), $"eelslive-demo-{TimeProvider.System.GetLocalNow():yyyyMMdd-HHmmss}"));
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or UnusableSettingException)
            {
                await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }

            bool live = !parse.GetValue(headless) && TerminalDashboard.ModeFor(Spectre.Console.AnsiConsole.Console, quiet: false) == DashboardMode.Live;
            var demo = new DemoRun(series, options, directory, parse.GetValue(rate), live, parse.GetValue(http));
            return await CommandHost.RunAsync(configuration, demo.RunAsync, cancellation, live ? LogLevel.Error : LogLevel.Information);
        });
        return command;
    }

    /// <summary>One demo run's settings and steps.</summary>
    private sealed record DemoRun(SimulatedSeries Series, MonitorOptions Options, string Directory, double Rate, bool LiveDashboard, int HttpPort)
    {
        public async Task<int> RunAsync(IServiceProvider services, CancellationToken stop)
        {
            var stdout = System.Console.Out;
            var loggers = services.GetRequiredService<ILoggerFactory>();
            string endpoint = FreeLoopbackEndpoint();
            string results = Path.Combine(Directory, "results.jsonl");
            string recording = Path.Combine(Directory, "session.eelsrec");
            string truthPath = Path.Combine(Directory, "truth.json");
            var truth = GroundTruth.For(Series, Options.Alarms.Threshold);
            GroundTruthFile.Write(truth, truthPath);

            var settings = new MonitorSessionSettings
            {
                Endpoint = endpoint,
                Options = Options,
                Run = new RunSettings { UntilEnd = true, IdleTimeout = TimeSpan.FromSeconds(30) },
                OutPath = results,
                RecordPath = recording,
                Summary = true,
                LiveDashboard = LiveDashboard,
                HttpPort = HttpPort,
            };
            double seconds = Series.Options.Frames / Rate;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"EelsLive demo: {Series.Scenario.Preset.Description}\n  {Series.Options.Frames} frames at {Rate:0.#} Hz (≈ {seconds:F0} s), {truth.TotalDoseEA2:F0} e/Å² in all, over {endpoint}"));

            MonitorSessionResult result;
            try
            {
                var session = new MonitorSession(settings, loggers, stdout, services.GetRequiredService<TimeProvider>());
                result = await session.RunAsync(stop, async token =>
                {
                    using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = endpoint });
                    await publisher.PublishAsync(Series, Rate, token);
                });
            }
            catch (UnusableSettingException ex)
            {
                await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await System.Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }
            finally
            {
                NetMQShutdown.Run();
            }

            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync(DemoSummary.Compare(result.LastReport, truth, result.ChangingWindows));
            await stdout.WriteLineAsync($"stopped: {result.Outcome} after {result.Frames} frames ({result.Rejected} rejected)");
            await stdout.WriteLineAsync($"results:     {results}");
            await stdout.WriteLineAsync($"recording:   {recording}   (replay: eelslive-sim replay {recording} --bind ...; re-analyse: eelslive analyze {recording} --out ...)");
            await stdout.WriteLineAsync($"truth:       {truthPath}");
            if (result.Frames > 0)
            {
                ReportCommand.Run(recording, Path.Combine(Directory, "report"), new SessionReportOptions
                {
                    Engine = Options,
                    Threshold = Options.Alarms.Threshold,
                    Truth = SessionTruthReader.From(truth, Path.GetFileName(truthPath)),
                });
            }

            return result.Outcome is RunOutcome.SeriesEnded or RunOutcome.Cancelled ? 0 : 1;
        }
    }

    private static string FreeLoopbackEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}

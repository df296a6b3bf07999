using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Simulation;

namespace EelsLive.Cli.Validation;

/// <summary>
/// Runs a simulated session through the same engine as <c>monitor</c> (encoded wire messages, refit every frame) and
/// judges the results against the simulator's ground truth.
/// </summary>
internal static class ValidationRunner
{
    /// <summary>Checkpoints per session at which the integrity interval is checked against the truth.</summary>
    private const int IntegrityCheckpoints = 20;

    /// <summary>Absolute slack when judging an integrity interval: a monotone model with a rate floor never says exactly 1.</summary>
    private const double CoverageTolerance = 0.005;

    /// <summary>Runs <paramref name="scenario"/>; with <paramref name="framesDirectory"/>, also writes its per-frame results (<c>monitor --out</c>'s JSON Lines) and its ground truth there.</summary>
    public static ScenarioOutcome Run(ValidationScenario scenario, MonitorOptions options, DirectoryInfo? framesDirectory = null)
    {
        var simulation = new SimulationScenario(scenario.Preset, scenario.Seed)
        {
            Dose = DoseSettings.PerFrame(scenario.DosePerFrameEA2, 0.1),
            Spectrum = SpectrumParameters.Default with { ZeroLossCounts = scenario.ZeroLossCounts },
        };
        var series = new SimulatedSeries(simulation, new SeriesOptions { Frames = scenario.Frames, SeriesId = scenario.ToString() });
        var engine = new MonitorEngine(options with { Model = scenario.Model });
        var topic = System.Text.Encoding.UTF8.GetBytes(WireTopics.Frame);
        var windows = scenario.Preset.Windows;
        int n = windows.Count;
        var checks = new int[n];
        var covered = new int[n];
        var crossChecks = new int[n];
        var crossCovered = new int[n];
        var notBeforeChecks = new int[n];
        var notBeforeHonest = new int[n];
        var firstWarning = new double?[n];
        var firstCritical = new double?[n];
        var warningSince = new double?[n];
        var warningAtCrossingSince = new double?[n];
        var crossingSeen = new bool[n];
        var crossDoses = windows.Select(x => x.Kinetics.DoseAtIntegrity(options.Alarms.Threshold)).ToArray();
        var alarmWindows = options.Alarms.AlarmWindows.ToHashSet(StringComparer.Ordinal);
        double threshold = options.Alarms.Threshold;
        double lead = options.Alarms.LeadDoseEA2;
        var calibration = new ForecastCalibration();
        var statements = new IntegrityStatements();
        double significance = options.ModelOptions.ChangeSignificanceZ;
        int framesWithAlarm = 0;
        var fits = new List<double>();
        var midDoses = new List<double>();
        var signals = Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
        FrameReport? last = null;
        int checkEvery = Math.Max(1, scenario.Frames / IntegrityCheckpoints);
        using var frameLog = framesDirectory is null ? null : OpenFrameLog(framesDirectory, scenario, series, threshold);

        foreach (var frame in series.Frames(1.7e9))
        {
            if (frame.Message is null)
            {
                continue;
            }

            var message = new RecordedMessage(frame.Message.T, [topic, WireEncoder.Encode(frame.Message)]);
            // As the monitor does when frames arrive RefitEvery times faster than it refits: the frames in between are added
            // to the model but carry the previous estimates; the last frame is always refitted.
            bool coalesce = (frame.Message.Seq + 1) % scenario.RefitEvery != 0 && frame.Message.Seq + 1 < scenario.Frames;
            foreach (var reported in engine.Process(message, coalesce).OfType<FrameReported>())
            {
                var report = reported.Report;
                last = report;
                if (scenario.FitReferences && report.Windows.All(x => x.Signal is not null))
                {
                    midDoses.Add(reported.Measurement.Dose.MidDoseEA2);
                    for (int w = 0; w < n; w++) signals[w].Add(report.Windows[w].Signal!.Value);
                }

                frameLog?.Write(report);
                foreach (var forecast in reported.Alarm?.Windows ?? [])
                {
                    int index = windows.ToList().FindIndex(x => x.Window.Name == forecast.Name);
                    if (index < 0)
                    {
                        continue;
                    }

                    if (firstCritical[index] is null && forecast.Level == EelsLive.Alarms.AlarmLevel.Critical)
                    {
                        firstCritical[index] = report.DoseEA2;
                    }

                    calibration.Add(forecast.CrossProbability, windows[index].Kinetics.Integrity(report.DoseEA2 + lead) <= threshold);
                }

                if (report.FitMs is { } ms) fits.Add(ms);
                if (report.Alarm != "ok") framesWithAlarm++;
                for (int w = 0; w < n; w++)
                {
                    var estimate = report.Windows[w];
                    bool alarmed = report.AlarmWindows.Contains(estimate.Name);
                    if (firstWarning[w] is null && alarmed)
                    {
                        firstWarning[w] = report.DoseEA2;
                    }

                    if (estimate.Integrity is not null && Math.Abs(estimate.SignalChangeZ ?? 0) >= significance)
                    {
                        statements.Add(IntegrityStandings.Of(estimate, threshold, changing: true), report.DoseEA2, crossDoses[w]);
                    }

                    warningSince[w] = alarmed ? warningSince[w] ?? report.DoseEA2 : null;
                    if (!crossingSeen[w] && report.DoseEA2 >= crossDoses[w])
                    {
                        crossingSeen[w] = true;
                        warningAtCrossingSince[w] = warningSince[w];
                    }

                    if (report.Seq > scenario.Frames / 10 && report.Seq % checkEvery == 0 && estimate.IntegrityLo is { } lo && estimate.IntegrityHi is { } hi)
                    {
                        double truth = windows[w].Kinetics.Integrity(report.DoseEA2);
                        checks[w]++;
                        if (truth >= lo - CoverageTolerance && truth <= hi + CoverageTolerance) covered[w]++;
                        if (double.IsFinite(crossDoses[w]) && estimate.CrossDoseLoEA2 is { } crossLo)
                        {
                            if (estimate.CrossDoseHiEA2 is { } crossHi)
                            {
                                crossChecks[w]++;
                                if (crossDoses[w] >= crossLo && crossDoses[w] <= crossHi) crossCovered[w]++;
                            }
                            else
                            {
                                notBeforeChecks[w]++;
                                if (crossLo <= crossDoses[w]) notBeforeHonest[w]++;
                            }
                        }
                    }
                }
            }
        }

        if (last is null)
        {
            throw new InvalidOperationException($"scenario {scenario} produced no frame.");
        }

        var outcomes = new WindowOutcome[n];
        for (int w = 0; w < n; w++)
        {
            var kinetics = windows[w].Kinetics;
            double d50 = kinetics.D50;
            double cross = kinetics.DoseAtIntegrity(threshold);
            var estimate = last.Windows[w];
            bool? d50Covered = double.IsFinite(d50) && d50 <= last.DoseEA2
                ? estimate.D50LoEA2 is { } lo && d50 >= lo && (estimate.D50HiEA2 is not { } hi || d50 <= hi) && estimate.D50EA2 is not null
                : null;
            outcomes[w] = new WindowOutcome(
                windows[w].Window.Name,
                double.IsFinite(d50) ? d50 : null,
                double.IsFinite(cross) && cross <= last.DoseEA2 ? cross : null,
                estimate.D50EA2,
                d50Covered,
                checks[w],
                covered[w],
                firstWarning[w],
                alarmWindows.Contains(windows[w].Window.Name),
                firstCritical[w])
            {
                WarningAtCrossingSince = warningAtCrossingSince[w],
                CrossIntervalChecks = crossChecks[w],
                CrossIntervalCovered = crossCovered[w],
                NotBeforeChecks = notBeforeChecks[w],
                NotBeforeHonest = notBeforeHonest[w],
            };
            if (scenario.FitReferences && double.IsFinite(d50) && d50 <= last.DoseEA2)
            {
                var references = ReferenceFit.Both(kinetics, midDoses, signals[w]);
                outcomes[w] = outcomes[w] with
                {
                    TrueFamilyFitD50 = references?.TrueFamilyD50,
                    BestFamilyFitD50 = references?.BestFamilyD50,
                    BestFamily = references?.BestFamily,
                };
            }
        }

        fits.Sort();
        return new ScenarioOutcome(scenario, last.DoseEA2, outcomes, framesWithAlarm, fits.Count > 0 ? fits[fits.Count / 2] : double.NaN, calibration)
        {
            Statements = statements,
        };
    }

    /// <summary>Writes the scenario's ground truth (as <c>eelslive-sim --truth</c> does) and opens its JSON Lines file, both named after the scenario.</summary>
    private static JsonLinesWriter OpenFrameLog(DirectoryInfo directory, ValidationScenario scenario, SimulatedSeries series, double threshold)
    {
        directory.Create();
        string stem = Path.Combine(directory.FullName, scenario.FileStem);
        GroundTruthFile.Write(GroundTruth.For(series, threshold), stem + ".truth.json");
        return new JsonLinesWriter(stem + ".jsonl");
    }
}

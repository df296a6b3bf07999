using System.CommandLine;
using EelsLive.Cli.Hosting;
using EelsLive.Cli.Validation;
using EelsLive.CommandLine;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Commands;

/// <summary><c>eelslive validate</c>: runs the simulator's kinetics families × seeds through the engine for both models and reports against the targets.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var seeds = new Option<int>("--seeds") { Description = "Noise seeds per preset.", DefaultValueFactory = _ => 3 };
        var firstSeed = new Option<int>("--first-seed")
        {
            Description = "The first noise seed; the sessions use seeds first … first + seeds − 1 (e.g. --first-seed 13 --seeds 12 for seeds that a tuning run on 1–12 has not seen).",
            DefaultValueFactory = _ => 1,
        };
        var presets = new Option<string>("--presets")
        {
            Description = "Comma-separated simulator presets.",
            DefaultValueFactory = _ => "mil101fe,control,exponential,stretched,orderp,twostage",
        };
        var models = new Option<string>("--models") { Description = "Comma-separated models: physics, classical.", DefaultValueFactory = _ => "physics,classical" };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the Markdown report to this file." };
        var framesOut = new Option<DirectoryInfo?>("--frames-out")
        {
            Description = "Also write every session's per-frame results (monitor --out's JSON Lines) and its ground truth (eelslive-sim --truth's JSON) into this directory, named after the session, e.g. orderp-seed1-physics.jsonl.",
        };
        var counts = new Option<double>("--zlp-counts")
        {
            Description = "Counts per frame in the simulated zero-loss peak; the plasmon and every window feature scale with it (the flat background does not), so it sets the counting noise.",
            DefaultValueFactory = _ => SpectrumParameters.Default.ZeroLossCounts,
        };
        var trueOrders = new Option<double?>("--true-orders")
        {
            Description = "Give every order-p and single-exponential window the simulator's true kinetic order, with this uncertainty σ (0 = exact), as --kinetic-order p±σ would: what knowing the material's kinetics gains (docs/validation.md, \"Known kinetic orders\"). Other windows keep estimating their kinetics [default: every order is estimated].",
        };
        var coalesce = new Option<int>("--coalesce")
        {
            Description = "Refit only every N-th frame, as the monitor coalesces refits when frames arrive N times faster than it refits; the frames in between carry the previous estimates (docs/validation.md, \"Coalesced refits\"). Above 16 (ModelOptions.MaxFramesPerRefit) it refits every 16th frame, as the monitor never lets more frames share a refit.",
            DefaultValueFactory = _ => 1,
        };
        var noReferenceFits = new Option<bool>("--no-reference-fits")
        {
            Description = "Skip the least-squares fits of the true kinetics family, and of the family the data favour, to each window's frames, which the report sets beside the model's final D50 to tell the data's misses from the model's (docs/validation.md, \"What the data allow\"). They take about as long as the sessions' refits.",
        };
        var command = new Command(
            "validate",
            "Validate the damage models and alarms on simulated sessions with known ground truth. "
            + "Exit code 0: every target of the physics-constrained model passes; 1: a target shows FAIL (the report is still printed and written); 2: bad input.");
        foreach (var option in new Option[] { seeds, firstSeed, presets, models, output, framesOut, counts, trueOrders, coalesce, noReferenceFits })
        {
            command.Add(option);
        }

        engine.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var options = EngineOptionSet.Build(EelsLiveConfiguration.Build(engine.CommandLineSettings(parse)));
                var chosen = parse.GetValue(presets)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(name => SimulationPresets.TryGet(name, out var p) ? p : throw new ArgumentException($"unknown preset '{name}'; choose from {string.Join(", ", SimulationPresets.Names)}.")).ToList();
                var kinds = parse.GetValue(models)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(name => Enum.TryParse<ModelKind>(name, ignoreCase: true, out var k) ? k : throw new ArgumentException($"unknown model '{name}'; choose physics or classical.")).ToList();
                double zeroLossCounts = parse.GetValue(counts);
                if (!(zeroLossCounts >= 1e3 && zeroLossCounts <= 1e10))
                {
                    throw new ArgumentException($"--zlp-counts must lie between 1e3 and 1e10 counts per frame, got {zeroLossCounts}.");
                }

                int seedCount = parse.GetValue(seeds), first = parse.GetValue(firstSeed);
                if (seedCount < 1)
                {
                    throw new ArgumentException($"--seeds must be at least 1, got {seedCount}.");
                }

                if (first < 1 || first > int.MaxValue - seedCount)
                {
                    throw new ArgumentException($"--first-seed must be at least 1 (and leave room for --seeds), got {first}.");
                }

                int refitEvery = parse.GetValue(coalesce);
                if (refitEvery is < 1 or > 1000)
                {
                    throw new ArgumentException($"--coalesce must be between 1 (refit every frame) and 1000 frames per refit, got {refitEvery}.");
                }

                double? orderUncertainty = parse.GetValue(trueOrders);
                if (orderUncertainty is { } sigma)
                {
                    if (!KnownOrder.IsAllowedUncertainty(sigma))
                    {
                        throw new ArgumentException($"--true-orders must be an uncertainty between 0 and {KnownOrder.MaxUncertainty}, got {sigma}.");
                    }

                    if (options.ModelOptions.KnownOrders.Count > 0)
                    {
                        throw new ArgumentException("--true-orders and --kinetic-order cannot be combined: the first gives each preset its own true orders.");
                    }
                }

                string? reportFile = parse.GetValue(output) is { } file ? OutputPath.File("--out", file.FullName) : null;
                if (parse.GetValue(framesOut) is { } folder)
                {
                    OutputPath.Folder("--frames-out", folder.FullName);
                }

                var scenarios = chosen.SelectMany(p => Enumerable.Range(first, seedCount).SelectMany(seed => kinds.Select(k => new ValidationScenario(p, seed, k) { ZeroLossCounts = zeroLossCounts, RefitEvery = refitEvery, FitReferences = !parse.GetValue(noReferenceFits) }))).ToList();
                var outcomes = new List<ScenarioOutcome>();
                var windowNames = options.Pipeline.Windows.Select(w => w.Name).ToArray();
                long started = TimeProvider.System.GetTimestamp();
                foreach (var scenario in scenarios)
                {
                    var scenarioOptions = orderUncertainty is { } uncertainty
                        ? options with { ModelOptions = options.ModelOptions with { KnownOrders = TrueKineticOrders.Of(scenario.Preset, uncertainty, windowNames) } }
                        : options;
                    outcomes.Add(ValidationRunner.Run(scenario, scenarioOptions, parse.GetValue(framesOut)));
                    System.Console.Error.WriteLine($"  {scenario}: done ({TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s)");
                }

                var report = new ValidationReport(outcomes, options.Alarms.LeadDoseEA2, options.Alarms.Threshold);
                string markdown = report.ToMarkdown();
                if (refitEvery > 1)
                {
                    markdown = $"Refits coalesced: one refit every {refitEvery} frames (`--coalesce {refitEvery}`).{Environment.NewLine}{Environment.NewLine}{markdown}";
                }

                if (orderUncertainty is { } given)
                {
                    markdown = $"Kinetic orders given: each preset's true order ± {given} in its order-p and single-exponential windows (`--true-orders {given}`).{Environment.NewLine}{Environment.NewLine}{markdown}";
                }

                System.Console.WriteLine(markdown);
                if (reportFile is not null)
                {
                    OutputPath.Open("--out", reportFile, path =>
                    {
                        File.WriteAllText(path, markdown);
                        return path;
                    });
                }

                return report.Checks().All(c => c.Passed) ? 0 : 1;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException or UnusableSettingException)
            {
                System.Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using EelsLive.Simulation;

namespace EelsLive.Simulator;

/// <summary>The options of the simulate (root) command and their conversion into a scenario and series.</summary>
internal sealed class SimulateOptions
{
    public Option<string> Bind { get; } = EndpointOption.Create();

    public Option<string> Preset { get; } = new Option<string>("--preset", "-p")
    {
        Description = "Sample preset: " + string.Join(", ", SimulationPresets.Names) + " (see the list below and docs/simulator.md).",
        HelpName = "NAME",
        DefaultValueFactory = _ => SimulationPresets.Mil101Fe.Name,
    }.AcceptOnlyFromAmong(SimulationPresets.Names.ToArray());

    public Option<long> Frames { get; } = new Option<long>("--frames", "-n")
    {
        Description = "Number of frames (sequence numbers 0 … N−1).",
        HelpName = "N",
        DefaultValueFactory = _ => 1000,
    }.AtLeast(1L);

    public Option<double> Rate { get; } = new Option<double>("--rate", "-r")
    {
        Description = "Frames per second to send; 0 = as fast as possible. Frame times t still advance by the exposure.",
        HelpName = "HZ",
        DefaultValueFactory = _ => 10,
    }.NonNegative();

    public Option<int> Seed { get; } = new("--seed", "-s")
    {
        Description = "Random seed; the same seed and options give byte-identical frames (use --start-unix-s to fix t too).",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
    };

    public Option<string?> Truth { get; } = new Option<string?>("--truth")
    {
        Description = "Write the ground truth (kinetics, true D50 and threshold doses, S0/S∞, dose plan, dropped seqs) to this JSON file.",
        HelpName = "FILE.json",
    }.AcceptLegalFilePathsOnly();

    public Option<double?> DosePerFrame { get; } = new Option<double?>("--dose-per-frame")
    {
        Description = "Fluence per frame in e/Å², sent as dose_e_a2. Default 5 when neither this nor --beam-current-pa is given.",
        HelpName = "E_PER_A2",
    }.NonNegative();

    public Option<double?> BeamCurrentPa { get; } = new Option<double?>("--beam-current-pa")
    {
        Description = "Beam current in pA (needs --area-a2); frames then carry beam_current_pa and illuminated_area_a2 instead of dose_e_a2.",
        HelpName = "PA",
    }.NonNegative();

    public Option<double?> AreaA2 { get; } = new Option<double?>("--area-a2")
    {
        Description = "Illuminated area in Å² (with --beam-current-pa). Dose per frame = I·1e-12·exposure / (1.602176634e-19·area).",
        HelpName = "A2",
    }.Positive();

    public Option<double> ExposureS { get; } = new Option<double>("--exposure-s")
    {
        Description = "Exposure per frame in seconds.",
        HelpName = "S",
        DefaultValueFactory = _ => 0.1,
    }.Positive();

    public Option<double> Drop { get; } = new Option<double>("--drop")
    {
        Description = "Fraction of sequence numbers not sent, imitating transit loss; sent frames still carry the true cumulative dose.",
        HelpName = "FRACTION",
        DefaultValueFactory = _ => 0,
    }.InRange(0, true, 1, false);

    public Option<double> Threshold { get; } = new Option<double>("--threshold")
    {
        Description = "Integrity threshold θ for the truth file's threshold_dose_e_a2 (the dose where I(D) = θ).",
        HelpName = "THETA",
        DefaultValueFactory = _ => 0.5,
    }.InRange(0, false, 1, false);

    public Option<int> WarmupMs { get; } = EndpointOption.CreateWarmup();

    public Option<string?> SeriesId { get; } = new Option<string?>("--series-id")
    {
        Description = "Series id of every message. Default sim-PRESET-SEED.",
        HelpName = "ID",
    }.Check(id => id is null || id.Length > 0, "non-empty");

    public Option<bool> NoCumulative { get; } = new("--no-cumulative")
    {
        Description = "Do not send cumulative_dose_e_a2, so the consumer must do its own dose accounting.",
    };

    public Option<double?> StartUnixS { get; } = new Option<double?>("--start-unix-s")
    {
        Description = "Unix time of the first exposure (default: now); fixing it makes the output byte-identical run to run.",
        HelpName = "T",
    }.NonNegative();

    public Option<int> Channels { get; } = new Option<int>("--channels")
    {
        Description = "Channels per spectrum.",
        HelpName = "N",
        DefaultValueFactory = _ => EnergyAxis.Default.Channels,
    }.Check(n => n is > 0 and <= 65_536, "in 1 … 65536");

    public Option<double> DispersionEv { get; } = new Option<double>("--dispersion-ev")
    {
        Description = "Energy per channel in eV.",
        HelpName = "EV",
        DefaultValueFactory = _ => EnergyAxis.Default.DispersionEv,
    }.Positive();

    public Option<double> OffsetEv { get; } = new Option<double>("--offset-ev")
    {
        Description = "Energy of the centre of channel 0 in eV.",
        HelpName = "EV",
        DefaultValueFactory = _ => EnergyAxis.Default.OffsetEv,
    }.Check(double.IsFinite, "finite");

    public Option<double> ZlpFwhmEv { get; } = new Option<double>("--zlp-fwhm-ev")
    {
        Description = "Zero-loss peak FWHM in eV (0.7 ≈ Schottky FEG; 0.3 cold FEG; 0.05 monochromated).",
        HelpName = "EV",
        DefaultValueFactory = _ => SpectrumParameters.Default.ZeroLossFwhmEv,
    }.Positive();

    public Option<int> SendHwm { get; } = new Option<int>("--send-hwm")
    {
        Description = "PUB send high-water mark in messages; beyond it PUB drops frames silently.",
        HelpName = "MESSAGES",
        DefaultValueFactory = _ => new PublisherOptions().SendHighWatermark,
    }.AtLeast(1);

    public IEnumerable<Option> All =>
    [
        Bind, Preset, Frames, Rate, Seed, Truth, DosePerFrame, BeamCurrentPa, AreaA2, ExposureS, Drop, Threshold,
        WarmupMs, SeriesId, NoCumulative, StartUnixS, Channels, DispersionEv, OffsetEv, ZlpFwhmEv, SendHwm,
    ];

    /// <summary>Cross-option rules: one dose mode, current and area together.</summary>
    public void ValidateCombination(CommandResult result)
    {
        bool perFrame = result.GetResult(DosePerFrame) is not null;
        bool current = result.GetResult(BeamCurrentPa) is not null;
        bool area = result.GetResult(AreaA2) is not null;
        if (perFrame && (current || area))
        {
            result.AddError("--dose-per-frame cannot be combined with --beam-current-pa/--area-a2; choose one way to give the dose.");
        }
        else if (current != area)
        {
            result.AddError("--beam-current-pa and --area-a2 must be given together.");
        }
    }

    public SimulatedSeries ToSeries(ParseResult parse)
    {
        var preset = SimulationPresets.Get(parse.GetRequiredValue(Preset));
        int seed = parse.GetValue(Seed);
        double exposure = parse.GetValue(ExposureS);
        var dose = parse.GetValue(BeamCurrentPa) is { } current
            ? DoseSettings.FromBeamCurrent(current, parse.GetValue(AreaA2)!.Value, exposure)
            : DoseSettings.PerFrame(parse.GetValue(DosePerFrame) ?? DoseSettings.Default.DosePerFrameEA2, exposure);
        var scenario = new SimulationScenario(preset, seed)
        {
            Axis = new EnergyAxis(parse.GetValue(Channels), parse.GetValue(OffsetEv), parse.GetValue(DispersionEv)),
            Spectrum = SpectrumParameters.Default with { ZeroLossFwhmEv = parse.GetValue(ZlpFwhmEv) },
            Dose = dose,
        };
        var options = new SeriesOptions
        {
            SeriesId = parse.GetValue(SeriesId) ?? $"sim-{preset.Name}-{seed}",
            Frames = parse.GetValue(Frames),
            DropFraction = parse.GetValue(Drop),
            IncludeCumulativeDose = !parse.GetValue(NoCumulative),
            StartUnixS = parse.GetValue(StartUnixS),
        };
        return new SimulatedSeries(scenario, options);
    }

    public PublisherOptions ToPublisherOptions(ParseResult parse) => new()
    {
        Endpoint = parse.GetRequiredValue(Bind),
        WarmupTimeout = TimeSpan.FromMilliseconds(parse.GetValue(WarmupMs)),
        SendHighWatermark = parse.GetValue(SendHwm),
    };
}

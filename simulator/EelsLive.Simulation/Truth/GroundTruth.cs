using System.Text.Json.Serialization;

namespace EelsLive.Simulation;

/// <summary>What a simulated series really contains, for validating the monitor: dose plan, transit loss and per-window truth.</summary>
public sealed record GroundTruth
{
    /// <summary>Preset name.</summary>
    public required string Preset { get; init; }

    /// <summary>Preset description.</summary>
    public required string Description { get; init; }

    /// <summary>RNG seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Series id of every message.</summary>
    public required string SeriesId { get; init; }

    /// <summary>Beam energy in kV.</summary>
    public required double BeamEnergyKv { get; init; }

    /// <summary>Channels per spectrum.</summary>
    public required int Channels { get; init; }

    /// <summary>Centre energy of channel 0, eV.</summary>
    public required double OffsetEv { get; init; }

    /// <summary>Energy per channel, eV.</summary>
    public required double DispersionEv { get; init; }

    /// <summary>Sequence numbers in the series (sent or lost).</summary>
    public required long Frames { get; init; }

    /// <summary>Exposure per frame, s.</summary>
    public required double ExposureS { get; init; }

    /// <summary>Fluence per frame, e/Å².</summary>
    [JsonPropertyName("dose_per_frame_e_a2")]
    public required double DosePerFrameEA2 { get; init; }

    /// <summary>Cumulative dose after the last frame, e/Å².</summary>
    [JsonPropertyName("total_dose_e_a2")]
    public required double TotalDoseEA2 { get; init; }

    /// <summary>Beam current in pA when dose is sent as current and area, else null.</summary>
    public double? BeamCurrentPa { get; init; }

    /// <summary>Illuminated area in Å² when dose is sent as current and area, else null.</summary>
    public double? IlluminatedAreaA2 { get; init; }

    /// <summary>Whether frames carry <c>cumulative_dose_e_a2</c>.</summary>
    public required bool CumulativeDoseSent { get; init; }

    /// <summary>Requested fraction of dropped sequence numbers.</summary>
    public required double DropFraction { get; init; }

    /// <summary>The sequence numbers that were not sent.</summary>
    public required IReadOnlyList<long> DroppedSeqs { get; init; }

    /// <summary>The integrity threshold θ of <see cref="WindowTruth.ThresholdDoseEA2"/>.</summary>
    public required double Threshold { get; init; }

    /// <summary>The noise-free spectrum parameters.</summary>
    public required SpectrumParameters Spectrum { get; init; }

    /// <summary>The noise parameters.</summary>
    public required NoiseParameters Noise { get; init; }

    /// <summary>One entry per damage window, in energy order.</summary>
    public required IReadOnlyList<WindowTruth> Windows { get; init; }

    /// <summary>The truth of <paramref name="series"/> with crossing doses for integrity threshold <paramref name="threshold"/> (0 &lt; θ &lt; 1).</summary>
    public static GroundTruth For(SimulatedSeries series, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(threshold > 0 && threshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1).");
        }

        var scenario = series.Scenario;
        var simulator = new SpectrumSimulator(scenario);
        double totalDose = series.Options.Frames * scenario.Dose.DosePerFrameEA2;
        var windows = new List<WindowTruth>();
        for (int w = 0; w < scenario.Preset.Windows.Count; w++)
        {
            var model = scenario.Preset.Windows[w];
            var kinetics = model.Kinetics;
            windows.Add(new WindowTruth(
                model.Window.Name,
                model.Window.LoEv,
                model.Window.HiEv,
                kinetics.Family,
                kinetics.Parameters,
                Finite(kinetics.D50),
                Finite(kinetics.DoseAtIntegrity(threshold)),
                model.SignalRises,
                model.Contrast,
                model.DamagedAmplitudeRatio,
                simulator.ExpectedSignalAtIntegrity(w, 1),
                simulator.ExpectedSignalAtIntegrity(w, 0),
                kinetics.Integrity(totalDose),
                simulator.ExpectedSignal(w, totalDose)));
        }

        return new GroundTruth
        {
            Preset = scenario.Preset.Name,
            Description = scenario.Preset.Description,
            Seed = scenario.Seed,
            SeriesId = series.Options.SeriesId,
            BeamEnergyKv = scenario.Preset.BeamEnergyKv,
            Channels = scenario.Axis.Channels,
            OffsetEv = scenario.Axis.OffsetEv,
            DispersionEv = scenario.Axis.DispersionEv,
            Frames = series.Options.Frames,
            ExposureS = scenario.Dose.ExposureS,
            DosePerFrameEA2 = scenario.Dose.DosePerFrameEA2,
            TotalDoseEA2 = totalDose,
            BeamCurrentPa = scenario.Dose.BeamCurrentPa,
            IlluminatedAreaA2 = scenario.Dose.IlluminatedAreaA2,
            CumulativeDoseSent = series.Options.IncludeCumulativeDose,
            DropFraction = series.Options.DropFraction,
            DroppedSeqs = series.DroppedSeqs(),
            Threshold = threshold,
            Spectrum = scenario.Spectrum,
            Noise = scenario.Noise,
            Windows = windows,
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

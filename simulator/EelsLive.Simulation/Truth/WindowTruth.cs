using System.Text.Json.Serialization;

namespace EelsLive.Simulation;

/// <summary>The true behaviour of one damage window: kinetics, characteristic doses and the expected normalised signal.</summary>
/// <param name="Name">Window name, e.g. <c>c_o</c>.</param>
/// <param name="LoEv">Lower edge, eV.</param>
/// <param name="HiEv">Upper edge, eV.</param>
/// <param name="Family">Kinetics family (<c>exponential</c>, <c>stretched_exponential</c>, <c>order_p</c>, <c>two_stage</c>, <c>none</c>).</param>
/// <param name="Parameters">The family's parameters by snake_case name.</param>
/// <param name="D50EA2">Dose where the latent integrity is 0.5, or null when it never gets there.</param>
/// <param name="ThresholdDoseEA2">Dose where the integrity crosses the requested threshold, or null when it never does.</param>
/// <param name="SignalRises">True when the window signal grows with dose.</param>
/// <param name="Contrast">Intact feature area over the window's featureless counts.</param>
/// <param name="DamagedAmplitudeRatio">Feature amplitude when fully damaged, relative to intact.</param>
/// <param name="S0">Expected normalised window signal (window counts / total counts) when intact.</param>
/// <param name="SInf">Expected normalised signal when this window is fully damaged and the others intact.</param>
/// <param name="IntegrityAtEnd">Latent integrity at the series' total dose.</param>
/// <param name="SignalAtEnd">Expected normalised signal at the series' total dose.</param>
public sealed record WindowTruth(
    string Name,
    double LoEv,
    double HiEv,
    string Family,
    IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("d50_e_a2")] double? D50EA2,
    [property: JsonPropertyName("threshold_dose_e_a2")] double? ThresholdDoseEA2,
    bool SignalRises,
    double Contrast,
    double DamagedAmplitudeRatio,
    double S0,
    double SInf,
    double IntegrityAtEnd,
    double SignalAtEnd);

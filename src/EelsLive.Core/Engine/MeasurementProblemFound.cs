using EelsLive.Pipeline;

namespace EelsLive.Engine;

/// <summary>
/// A frame showed, for the first time in its series, a problem that keeps windows from being measured (see
/// <see cref="MeasurementProblemKind"/>). A monitor that stays silent while it sees nothing would look like a sample
/// without damage, so each problem is announced once per series and window.
/// </summary>
/// <param name="Report">The frame's report.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Windows">The windows it affects, each with the fraction of its width inside the spectrum.</param>
/// <param name="Spectrum">The energy range the frame's channels cover, after alignment.</param>
/// <param name="Normalisation">What the integrals are divided by.</param>
public sealed record MeasurementProblemFound(
    FrameReport Report,
    MeasurementProblemKind Kind,
    IReadOnlyList<(EnergyWindow Window, double Coverage)> Windows,
    EnergyRange Spectrum,
    Normalisation Normalisation) : PipelineEvent;

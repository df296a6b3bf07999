namespace EelsLive.Protocol;

/// <summary>One self-sufficient <c>eels.frame</c>: a spectrum with its energy axis, exposure and dose.</summary>
/// <param name="SeriesId">The series the frame belongs to.</param>
/// <param name="Seq">Frame number, ≥ 0, +1 per frame within a series.</param>
/// <param name="T">Unix time in seconds at exposure start.</param>
/// <param name="ExposureS">Exposure in seconds, &gt; 0.</param>
/// <param name="Channels">Number of channels, &gt; 0, equal to <see cref="SpectrumCounts.Length"/> of <paramref name="Counts"/>.</param>
/// <param name="OffsetEv">Energy of the centre of channel 0.</param>
/// <param name="DispersionEv">Energy per channel, &gt; 0.</param>
/// <param name="Counts">The spectrum.</param>
public sealed record FrameMessage(
    string SeriesId,
    long Seq,
    double T,
    double ExposureS,
    int Channels,
    double OffsetEv,
    double DispersionEv,
    SpectrumCounts Counts) : WireMessage(SeriesId)
{
    public override string Topic => WireTopics.Frame;

    /// <summary>This frame's fluence in e/Å² (<c>dose_e_a2</c>).</summary>
    public double? DoseEA2 { get; init; }

    /// <summary>Beam current in pA (<c>beam_current_pa</c>), used with <see cref="IlluminatedAreaA2"/>.</summary>
    public double? BeamCurrentPa { get; init; }

    /// <summary>Illuminated area in Å² (<c>illuminated_area_a2</c>).</summary>
    public double? IlluminatedAreaA2 { get; init; }

    /// <summary>The source's running dose total including this frame (<c>cumulative_dose_e_a2</c>); authoritative when present.</summary>
    public double? CumulativeDoseEA2 { get; init; }
}

namespace EelsLive.Simulation;

/// <summary>
/// How dose is delivered and reported: either a fixed fluence per frame (sent as <c>dose_e_a2</c>) or a beam current on an
/// illuminated area (sent as <c>beam_current_pa</c> and <c>illuminated_area_a2</c>), with dose = I·t/(e·A).
/// </summary>
public sealed record DoseSettings
{
    /// <summary>The elementary charge in coulombs (exact, SI 2019).</summary>
    public const double ElementaryChargeC = 1.602176634e-19;

    private DoseSettings(double exposureS, double? dosePerFrameEA2, double? beamCurrentPa, double? illuminatedAreaA2)
    {
        if (!(exposureS > 0) || !double.IsFinite(exposureS))
        {
            throw new ArgumentOutOfRangeException(nameof(exposureS), exposureS, "exposure must be a finite number > 0 s.");
        }

        ExposureS = exposureS;
        BeamCurrentPa = beamCurrentPa;
        IlluminatedAreaA2 = illuminatedAreaA2;
        DosePerFrameEA2 = dosePerFrameEA2 ?? DoseFromCurrent(beamCurrentPa!.Value, illuminatedAreaA2!.Value, exposureS);
    }

    /// <summary>The default: 5 e/Å² per 0.1 s frame (50 e/Å²/s), so a 1000-frame series reaches 5000 e/Å².</summary>
    public static DoseSettings Default { get; } = PerFrame(5, 0.1);

    /// <summary>Exposure of one frame in seconds.</summary>
    public double ExposureS { get; }

    /// <summary>The fluence of one frame in e/Å².</summary>
    public double DosePerFrameEA2 { get; }

    /// <summary>The beam current in pA, when dose is given by current and area.</summary>
    public double? BeamCurrentPa { get; }

    /// <summary>The illuminated area in Å², when dose is given by current and area.</summary>
    public double? IlluminatedAreaA2 { get; }

    /// <summary>True when dose is reported as beam current and area rather than per-frame dose.</summary>
    public bool UsesBeamCurrent => BeamCurrentPa.HasValue;

    /// <summary>A fixed fluence of <paramref name="dosePerFrameEA2"/> e/Å² (≥ 0) per frame of <paramref name="exposureS"/> seconds.</summary>
    public static DoseSettings PerFrame(double dosePerFrameEA2, double exposureS)
    {
        if (!(dosePerFrameEA2 >= 0) || !double.IsFinite(dosePerFrameEA2))
        {
            throw new ArgumentOutOfRangeException(nameof(dosePerFrameEA2), dosePerFrameEA2, "dose per frame must be a finite number ≥ 0 e/Å².");
        }

        return new DoseSettings(exposureS, dosePerFrameEA2, null, null);
    }

    /// <summary>A beam of <paramref name="beamCurrentPa"/> pA (≥ 0) on <paramref name="illuminatedAreaA2"/> Å² (&gt; 0) for <paramref name="exposureS"/> s per frame.</summary>
    public static DoseSettings FromBeamCurrent(double beamCurrentPa, double illuminatedAreaA2, double exposureS)
    {
        if (!(beamCurrentPa >= 0) || !double.IsFinite(beamCurrentPa))
        {
            throw new ArgumentOutOfRangeException(nameof(beamCurrentPa), beamCurrentPa, "beam current must be a finite number ≥ 0 pA.");
        }

        if (!(illuminatedAreaA2 > 0) || !double.IsFinite(illuminatedAreaA2))
        {
            throw new ArgumentOutOfRangeException(nameof(illuminatedAreaA2), illuminatedAreaA2, "illuminated area must be a finite number > 0 Å².");
        }

        return new DoseSettings(exposureS, null, beamCurrentPa, illuminatedAreaA2);
    }

    /// <summary>The fluence in e/Å² of <paramref name="beamCurrentPa"/> pA on <paramref name="areaA2"/> Å² for <paramref name="exposureS"/> s.</summary>
    public static double DoseFromCurrent(double beamCurrentPa, double areaA2, double exposureS) =>
        beamCurrentPa * 1e-12 * exposureS / (ElementaryChargeC * areaA2);
}

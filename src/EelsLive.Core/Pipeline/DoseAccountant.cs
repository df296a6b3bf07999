using System.Globalization;
using EelsLive.Protocol;

namespace EelsLive.Pipeline;

/// <summary>
/// Keeps one series' cumulative electron dose exact by the protocol's rules: <c>cumulative_dose_e_a2</c> &gt;
/// <c>dose_e_a2</c> &gt; beam current with area &gt; the configured dose rate; frames lost in a gap are estimated
/// at the current frame's dose (and the total marked estimated) unless the source's cumulative total is present.
/// </summary>
public sealed class DoseAccountant
{
    /// <summary>Elementary charge in coulombs.</summary>
    public const double ElementaryChargeC = 1.602176634e-19;

    private readonly double? _configuredRateEA2PerS;
    private double _cumulative;
    private bool _estimated;
    private double? _lastT;
    private double _rate;

    /// <summary>Creates an accountant for a new series.</summary>
    /// <param name="configuredRateEA2PerS">The operator's dose rate, used only for frames that carry no dose.</param>
    public DoseAccountant(double? configuredRateEA2PerS = null)
    {
        if (configuredRateEA2PerS is { } rate && (!double.IsFinite(rate) || rate < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(configuredRateEA2PerS), rate, "The configured dose rate must be finite and >= 0.");
        }

        _configuredRateEA2PerS = configuredRateEA2PerS;
    }

    /// <summary>The running total so far, e/Å².</summary>
    public double CumulativeEA2 => _cumulative;

    /// <summary>Dose from beam current: I·10⁻¹²·t / (e·A), in e/Å².</summary>
    public static double FromBeamCurrent(double currentPa, double exposureS, double areaA2) =>
        currentPa * 1e-12 * exposureS / (ElementaryChargeC * areaA2);

    /// <summary>
    /// Works out the dose of <paramref name="frame"/>, which follows <paramref name="lostBefore"/> lost frames,
    /// without changing state; <see cref="Commit"/> applies it once the frame is accepted.
    /// </summary>
    public bool TryAccount(FrameMessage frame, long lostBefore, out DoseStep step, out Rejection? rejection)
    {
        step = default;
        rejection = null;
        double? own = OwnDose(frame, out var ownSource);
        double cumulative;
        double frameDose;
        bool estimated = _estimated;
        DoseSource source;

        if (frame.CumulativeDoseEA2 is { } total)
        {
            // Allow for rounding in the source's running total.
            if (total < _cumulative - (1e-9 * Math.Max(1, _cumulative)))
            {
                rejection = new Rejection(RejectionKind.DoseDecreased, string.Create(CultureInfo.InvariantCulture,
                    $"cumulative_dose_e_a2 = {total:R} is below the series total {_cumulative:R}; a running total cannot decrease"));
                return false;
            }

            cumulative = Math.Max(total, _cumulative);
            frameDose = own ?? (cumulative - _cumulative) / (lostBefore + 1);
            estimated = false;
            source = DoseSource.Cumulative;
        }
        else if (own is { } dose)
        {
            frameDose = dose;
            cumulative = _cumulative + (dose * (lostBefore + 1));
            estimated |= lostBefore > 0;
            source = ownSource;
        }
        else
        {
            rejection = new Rejection(RejectionKind.NoDose,
                "frame has none of cumulative_dose_e_a2, dose_e_a2, or beam_current_pa with illuminated_area_a2, and no dose rate is configured (--dose-rate)");
            return false;
        }

        double rate = _lastT is { } lastT && frame.T > lastT
            ? (cumulative - _cumulative) / (frame.T - lastT)
            : frameDose / frame.ExposureS;
        step = new DoseStep(cumulative, frameDose, Math.Max(0, cumulative - (frameDose / 2)), estimated, rate, source);
        return true;
    }

    /// <summary>Applies a step returned by <see cref="TryAccount"/> for a frame at time <paramref name="t"/>.</summary>
    public void Commit(in DoseStep step, double t)
    {
        _cumulative = step.CumulativeEA2;
        _estimated = step.Estimated;
        _rate = step.RateEA2PerS;
        _lastT = t;
    }

    /// <summary>The latest dose rate, e/Å²/s.</summary>
    public double RateEA2PerS => _rate;

    private double? OwnDose(FrameMessage frame, out DoseSource source)
    {
        if (frame.DoseEA2 is { } dose)
        {
            source = DoseSource.FrameDose;
            return dose;
        }

        if (frame.BeamCurrentPa is { } current && frame.IlluminatedAreaA2 is { } area)
        {
            source = DoseSource.BeamCurrent;
            return FromBeamCurrent(current, frame.ExposureS, area);
        }

        source = DoseSource.ConfiguredRate;
        return _configuredRateEA2PerS * frame.ExposureS;
    }
}

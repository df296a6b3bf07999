using EelsLive.Model;

namespace EelsLive.Engine;

/// <summary>One window's part of a <see cref="FrameReport"/>; model fields are null until the model can say.</summary>
public sealed record WindowReport(
    string Name,
    double LoEv,
    double HiEv,
    double Integral,
    double? Signal,
    double? Integrity,
    double? IntegrityLo,
    double? IntegrityHi,
    double? D50EA2,
    double? D50LoEA2,
    double? D50HiEA2,
    double? CrossDoseEA2)
{
    /// <summary>The law the window's fit follows now (JSON <c>kinetics</c>, <c>kinetic_order</c>, <c>beta</c>); null until the model can say.</summary>
    public KineticsLaw? Kinetics { get; init; }

    /// <summary>
    /// Model-free z-score of the change of the window's signal from its first to its latest frames (JSON <c>signal_change_z</c>):
    /// below the monitor's significance level (3 by default) in magnitude, the window has not changed measurably and its
    /// integrity is not identified. Null until the model can say, and in results files written before 2026-12-07.
    /// </summary>
    public double? SignalChangeZ { get; init; }

    /// <summary>
    /// The 90% interval of the crossing dose (JSON <c>cross_dose_lo_e_a2</c>, <c>cross_dose_hi_e_a2</c>): the lower end a "not
    /// before" dose while the crossing cannot be forecast, the upper end null while unbounded. Null in results files written
    /// before 2026-12-07.
    /// </summary>
    public double? CrossDoseLoEA2 { get; init; }

    /// <inheritdoc cref="CrossDoseLoEA2"/>
    public double? CrossDoseHiEA2 { get; init; }
}

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
}

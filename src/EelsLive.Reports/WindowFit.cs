using EelsLive.Model;
using EelsLive.Model.Estimation;

namespace EelsLive.Reports;

/// <summary>One window's fit to a whole series (the model's last refit) beside its data read as integrity.</summary>
/// <param name="Name">The window's name.</param>
/// <param name="Estimate">The window's estimate at the last refit, with its fitted S0 and S∞.</param>
/// <param name="Curve">The fitted integrity curve over the series' dose range, with its 90% interval.</param>
/// <param name="MidDoseEA2">Each frame's dose at the middle of its own exposure (where the model places it).</param>
/// <param name="ObservedIntegrity">Each frame's signal read as integrity, (S − S∞)/(S0 − S∞).</param>
public sealed record WindowFit(string Name, WindowEstimate Estimate, FittedCurve Curve, double[] MidDoseEA2, double[] ObservedIntegrity);

using EelsLive.Model.Estimation;

namespace EelsLive.Model;

/// <summary>Online dose–damage model for all energy-loss windows of one acquisition series.</summary>
public interface IDamageModel
{
    /// <summary>Names of the windows, in the order of the signal spans passed to <see cref="Add"/>.</summary>
    IReadOnlyList<string> WindowNames { get; }

    /// <summary>Number of frames added so far.</summary>
    long FrameCount { get; }

    /// <summary>Adds one frame in O(1): mid-interval dose (e/Å², ≥ 0) and one normalised signal per window.</summary>
    void Add(double doseMidEA2, ReadOnlySpan<double> signals);

    /// <summary>Warm-started refit on everything added so far; returns estimates at <paramref name="currentDoseEA2"/>.</summary>
    ModelSnapshot Refit(double currentDoseEA2);

    /// <summary>
    /// The log-hazard band of the latest refit: each window's fitted curve over any dose with its uncertainty, e.g. for
    /// <see cref="FittedCurve"/>. Read it between refits; the next refit changes it.
    /// </summary>
    ILogHazardBand Band { get; }
}

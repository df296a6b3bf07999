namespace EelsLive.Model;

/// <summary>Result of one refit: per-window estimates at the current dose.</summary>
/// <param name="Windows">Estimates, in window order.</param>
/// <param name="CurrentDoseEA2">Cumulative dose the estimates refer to (e/Å²).</param>
/// <param name="FrameCount">Frames added before this refit.</param>
/// <param name="Threshold">Integrity threshold θ used for crossing quantities.</param>
/// <param name="LeadDoseEA2">Lead dose L used for <see cref="WindowEstimate.CrossProbability"/>.</param>
/// <param name="FitMilliseconds">Wall time of the refit in milliseconds.</param>
public sealed record ModelSnapshot(
    IReadOnlyList<WindowEstimate> Windows,
    double CurrentDoseEA2,
    long FrameCount,
    double Threshold,
    double LeadDoseEA2,
    double FitMilliseconds)
{
    /// <summary>
    /// The windows whose signal changed significantly (model-free |z| ≥ <paramref name="significanceZ"/>, the model's
    /// <see cref="ModelOptions.ChangeSignificanceZ"/>): only their integrity is identified by the data.
    /// </summary>
    public IReadOnlySet<string> ChangingWindows(double significanceZ) =>
        Windows.Where(e => Math.Abs(e.SignalChangeZ) >= significanceZ).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Returns the estimate of the named window, or null if there is none.</summary>
    public WindowEstimate? Find(string name)
    {
        foreach (var window in Windows)
        {
            if (window.Name == name)
            {
                return window;
            }
        }

        return null;
    }
}

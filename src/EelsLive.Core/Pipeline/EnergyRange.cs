namespace EelsLive.Pipeline;

/// <summary>The energy-loss range [lo, hi) in eV that a frame's channels cover, after zero-loss alignment.</summary>
/// <param name="LoEv">Lower edge of the first channel.</param>
/// <param name="HiEv">Upper edge of the last channel.</param>
public readonly record struct EnergyRange(double LoEv, double HiEv)
{
    /// <summary>The range of <paramref name="channels"/> channels of width <paramref name="dispersionEv"/> whose first centre is at <paramref name="offsetEv"/>.</summary>
    public static EnergyRange OfChannels(double offsetEv, double dispersionEv, int channels) =>
        new(offsetEv - (dispersionEv / 2), offsetEv + ((channels - 0.5) * dispersionEv));

    /// <summary>The fraction of <paramref name="window"/>'s width that lies inside this range: 1 inside, 0 wholly outside.</summary>
    public double Coverage(EnergyWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var inside = Math.Min(window.HiEv, HiEv) - Math.Max(window.LoEv, LoEv);
        return Math.Clamp(inside / (window.HiEv - window.LoEv), 0, 1);
    }
}

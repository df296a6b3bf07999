namespace EelsLive.Simulation;

/// <summary>Sums counts over an energy window [lo, hi), weighting each channel by the fraction of its width inside the window.</summary>
public static class WindowIntegral
{
    /// <summary>The fractional-overlap sum of <paramref name="counts"/> (on <paramref name="axis"/>) over [<paramref name="loEv"/>, <paramref name="hiEv"/>).</summary>
    public static double Sum(ReadOnlySpan<double> counts, EnergyAxis axis, double loEv, double hiEv)
    {
        ArgumentNullException.ThrowIfNull(axis);
        double d = axis.DispersionEv;
        int first = Math.Max(0, (int)Math.Floor((loEv - axis.LowEdgeEv) / d));
        int last = Math.Min(Math.Min(axis.Channels, counts.Length) - 1, (int)Math.Floor((hiEv - axis.LowEdgeEv) / d));
        double sum = 0;
        for (int i = first; i <= last; i++)
        {
            double channelLo = axis.CentreEv(i) - 0.5 * d;
            double overlap = Math.Min(hiEv, channelLo + d) - Math.Max(loEv, channelLo);
            if (overlap > 0)
            {
                sum += counts[i] * (overlap / d);
            }
        }

        return sum;
    }
}

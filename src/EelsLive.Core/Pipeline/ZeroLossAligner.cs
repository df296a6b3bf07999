using System.Numerics;

namespace EelsLive.Pipeline;

/// <summary>
/// Finds the zero-loss peak's energy with sub-channel precision: the maximum within a search range around
/// 0 eV, refined by the centroid of the contiguous channels above half the maximum.
/// </summary>
public static class ZeroLossAligner
{
    /// <summary>The ZLP centre in eV on the frame's own axis, or null when the search range holds no clear peak.</summary>
    public static double? FindZeroLoss<T>(ReadOnlySpan<T> counts, double offsetEv, double dispersionEv, double searchEv)
        where T : unmanaged, INumberBase<T>
    {
        int lo = Math.Max(0, (int)Math.Floor((-searchEv - offsetEv) / dispersionEv));
        int hi = Math.Min(counts.Length - 1, (int)Math.Ceiling((searchEv - offsetEv) / dispersionEv));
        if (hi - lo < 2)
        {
            return null;
        }

        int peak = lo;
        double max = double.CreateTruncating(counts[lo]);
        for (int i = lo + 1; i <= hi; i++)
        {
            double value = double.CreateTruncating(counts[i]);
            if (value > max)
            {
                max = value;
                peak = i;
            }
        }

        if (!(max > 0))
        {
            return null;
        }

        double half = max / 2;
        int left = peak;
        while (left > 0 && double.CreateTruncating(counts[left - 1]) > half)
        {
            left--;
        }

        int right = peak;
        while (right < counts.Length - 1 && double.CreateTruncating(counts[right + 1]) > half)
        {
            right++;
        }

        double weight = 0, moment = 0;
        for (int i = left; i <= right; i++)
        {
            double excess = double.CreateTruncating(counts[i]) - half;
            weight += excess;
            moment += excess * i;
        }

        double centre = weight > 0 ? moment / weight : peak;
        return offsetEv + centre * dispersionEv;
    }
}

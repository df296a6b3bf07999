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
        where T : unmanaged, INumber<T>
    {
        int lo = Math.Max(0, (int)Math.Floor((-searchEv - offsetEv) / dispersionEv));
        int hi = Math.Min(counts.Length - 1, (int)Math.Ceiling((searchEv - offsetEv) / dispersionEv));
        if (hi - lo < 2)
        {
            return null;
        }

        int peak = lo + IndexOfFirstMaximum(counts[lo..(hi + 1)]);
        double max = double.CreateTruncating(counts[peak]);
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

    /// <summary>The index of the first largest value (the counts are finite: the decoder rejects NaN and ±Inf).</summary>
    internal static int IndexOfFirstMaximum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, INumber<T>
    {
        T max = values[0];
        if (!Vector.IsHardwareAccelerated || !Vector<T>.IsSupported || values.Length < 2 * Vector<T>.Count)
        {
            int first = 0;
            for (int j = 1; j < values.Length; j++)
            {
                if (values[j] > max)
                {
                    max = values[j];
                    first = j;
                }
            }

            return first;
        }

        // The maximum by whole vectors first, then the first vector, and the first lane, that holds it.
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Vector<T>>(values);
        var best = vectors[0];
        for (int v = 1; v < vectors.Length; v++)
        {
            best = Vector.Max(best, vectors[v]);
        }

        for (int lane = 0; lane < Vector<T>.Count; lane++)
        {
            max = T.Max(max, best[lane]);
        }

        int tail = vectors.Length * Vector<T>.Count;
        for (int j = tail; j < values.Length; j++)
        {
            max = T.Max(max, values[j]);
        }

        var target = new Vector<T>(max);
        for (int v = 0; v < vectors.Length; v++)
        {
            if (Vector.EqualsAny(vectors[v], target))
            {
                int start = v * Vector<T>.Count;
                return start + values.Slice(start, Vector<T>.Count).IndexOf(max);
            }
        }

        return tail + values[tail..].IndexOf(max);
    }
}

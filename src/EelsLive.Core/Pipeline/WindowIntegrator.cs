using System.Numerics;

namespace EelsLive.Pipeline;

/// <summary>
/// Integrates counts over an energy window with fractional edge channels: Σᵢ countsᵢ · |spanᵢ ∩ [lo, hi)| / d,
/// where channel i spans [Eᵢ − d/2, Eᵢ + d/2) and Eᵢ = offset + i·d. The integral moves continuously with the offset.
/// </summary>
public static class WindowIntegrator
{
    /// <summary>The fractional-overlap integral of <paramref name="counts"/> over [lo, hi).</summary>
    public static double Integrate<T>(ReadOnlySpan<T> counts, double offsetEv, double dispersionEv, double loEv, double hiEv)
        where T : unmanaged, INumberBase<T>
    {
        if (counts.IsEmpty || !(hiEv > loEv))
        {
            return 0;
        }

        // Position in "channel edge" units: channel i covers [i, i + 1).
        double start = (loEv - offsetEv) / dispersionEv + 0.5;
        double end = (hiEv - offsetEv) / dispersionEv + 0.5;
        if (end <= 0 || start >= counts.Length)
        {
            return 0;
        }

        start = Math.Max(start, 0);
        end = Math.Min(end, counts.Length);
        int first = (int)Math.Floor(start);
        int last = Math.Min((int)Math.Ceiling(end) - 1, counts.Length - 1);
        if (first == last)
        {
            return double.CreateTruncating(counts[first]) * (end - start);
        }

        double sum = double.CreateTruncating(counts[first]) * (first + 1 - start);
        for (int i = first + 1; i < last; i++)
        {
            sum += double.CreateTruncating(counts[i]);
        }

        sum += double.CreateTruncating(counts[last]) * (end - last);
        return sum;
    }

    /// <summary>The sum of all counts.</summary>
    public static double Total<T>(ReadOnlySpan<T> counts)
        where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(float))
        {
            return TotalOfFloats(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(counts));
        }

        double sum = 0;
        foreach (var value in counts)
        {
            sum += double.CreateTruncating(value);
        }

        return sum;
    }

    private static double TotalOfFloats(ReadOnlySpan<float> values)
    {
        var acc = Vector<double>.Zero;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (var v in vectors)
            {
                Vector.Widen(v, out var lo, out var hi);
                acc += lo + hi;
            }

            i = vectors.Length * Vector<float>.Count;
        }

        double sum = Vector.Sum(acc);
        for (; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}

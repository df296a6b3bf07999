using System.Runtime.Intrinsics;

namespace EelsLive.Model.Physics;

/// <summary>Element-wise loops of the refit over contiguous bins, four doubles per <see cref="Vector256{T}"/> with a scalar tail.</summary>
internal static class VectorKernels
{
    private static readonly int Width = Vector256<double>.Count;

    /// <summary>Replaces every value x by exp(−x).</summary>
    public static void ExpOfNegated(Span<double> values)
    {
        var i = 0;
        for (; i + Width <= values.Length; i += Width)
        {
            Vector256.Exp(-Vector256.Create(values.Slice(i, Width))).CopyTo(values.Slice(i, Width));
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Exp(-values[i]);
        }
    }

    /// <summary>target[i] ← −target[i] · factor[i].</summary>
    public static void MultiplyNegated(Span<double> target, ReadOnlySpan<double> factor)
    {
        var i = 0;
        for (; i + Width <= target.Length; i += Width)
        {
            (-(Vector256.Create(target.Slice(i, Width)) * Vector256.Create(factor.Slice(i, Width)))).CopyTo(target.Slice(i, Width));
        }

        for (; i < target.Length; i++)
        {
            target[i] = -target[i] * factor[i];
        }
    }

    /// <summary>Σ a[i]·b[i] over the length of <paramref name="a"/>.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector256<double>.Zero;
        var i = 0;
        for (; i + Width <= a.Length; i += Width)
        {
            sum += Vector256.Create(a.Slice(i, Width)) * Vector256.Create(b.Slice(i, Width));
        }

        var total = Vector256.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>output[i] ← ln(max(values[i], floor)).</summary>
    public static void LogOfAtLeast(ReadOnlySpan<double> values, double floor, Span<double> output)
    {
        var lowest = Vector256.Create(floor);
        var i = 0;
        for (; i + Width <= values.Length; i += Width)
        {
            Vector256.Log(Vector256.Max(Vector256.Create(values.Slice(i, Width)), lowest)).CopyTo(output.Slice(i, Width));
        }

        for (; i < values.Length; i++)
        {
            output[i] = Math.Log(Math.Max(values[i], floor));
        }
    }

    /// <summary>output[i] ← ln(1 + values[i]·scale), e.g. the network coordinate u = ln(1 + D/Dref) of many doses.</summary>
    public static void LogOnePlusScaled(ReadOnlySpan<double> values, double scale, Span<double> output)
    {
        var factor = Vector256.Create(scale);
        var i = 0;
        for (; i + Width <= values.Length; i += Width)
        {
            Vector256.Log(Vector256<double>.One + (Vector256.Create(values.Slice(i, Width)) * factor)).CopyTo(output.Slice(i, Width));
        }

        for (; i < values.Length; i++)
        {
            output[i] = Math.Log(1 + (values[i] * scale));
        }
    }
}

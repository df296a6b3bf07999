namespace EelsLive.Model.Binning;

/// <summary>Fast seeded source of Poisson(1) bootstrap weights (xoshiro256** generator, inversion sampling).</summary>
public sealed class PoissonWeightSource
{
    private static readonly double[] CumulativePoissonOne = BuildCumulative();
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator from a seed (expanded with splitmix64).</summary>
    public PoissonWeightSource(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>Next uniform double in [0, 1).</summary>
    public double NextUniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Next standard normal deviate (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextUniform();
        var u2 = NextUniform();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Next Poisson(1) draw, i.e. an online-bootstrap multiplicity.</summary>
    public int NextPoissonOne()
    {
        var u = NextUniform();
        var k = 0;
        while (k < CumulativePoissonOne.Length - 1 && u >= CumulativePoissonOne[k])
        {
            k++;
        }

        return k;
    }

    private ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double[] BuildCumulative()
    {
        var cumulative = new double[12];
        var p = Math.Exp(-1.0);
        var sum = 0.0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            sum += p;
            cumulative[k] = sum;
            p /= k + 1;
        }

        cumulative[^1] = 1.0;
        return cumulative;
    }
}

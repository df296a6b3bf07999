using System.Numerics;

namespace EelsLive.Simulation;

/// <summary>The xoshiro256** generator (Blackman &amp; Vigna), seeded through SplitMix64: fast, small and identical on every platform.</summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state from <paramref name="seed"/> with SplitMix64, as the authors recommend.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    /// <summary>A stream for (seed, stream, index): distinct inputs give independent-looking, reproducible streams.</summary>
    public static Xoshiro256StarStar ForStream(int seed, ulong stream, ulong index = 0)
    {
        ulong mixed = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xD1B54A32D192ED03UL ^ index * 0xA0761D6478BD642FUL);
        ulong state = mixed;
        return new Xoshiro256StarStar(SplitMix64(ref state) ^ index);
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal deviate from the fast quantile table.</summary>
    public double NextStandardNormal() => StandardNormalTable.FromBits((uint)(NextUInt64() >> 32));

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

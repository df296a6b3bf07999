namespace EelsLive.Model.Tests.Simulation;

/// <summary>Generates a noisy in situ EELS session: random dose per frame, closed-form kinetics per window, relative Gaussian noise.</summary>
public sealed class SyntheticSession
{
    /// <summary>Creates a session description.</summary>
    public SyntheticSession(IReadOnlyList<SyntheticWindow> windows, int frames, double minDosePerFrame = 2, double maxDosePerFrame = 10, double relativeNoise = 0.01)
    {
        Windows = windows;
        Frames = frames;
        MinDosePerFrame = minDosePerFrame;
        MaxDosePerFrame = maxDosePerFrame;
        RelativeNoise = relativeNoise;
    }

    /// <summary>Simulated windows.</summary>
    public IReadOnlyList<SyntheticWindow> Windows { get; }

    /// <summary>Number of frames.</summary>
    public int Frames { get; }

    /// <summary>Smallest dose per frame (e/Å²).</summary>
    public double MinDosePerFrame { get; }

    /// <summary>Largest dose per frame (e/Å²).</summary>
    public double MaxDosePerFrame { get; }

    /// <summary>Relative noise σ/S per frame.</summary>
    public double RelativeNoise { get; }

    /// <summary>Window names in order.</summary>
    public IReadOnlyList<string> Names => Windows.Select(w => w.Name).ToArray();

    /// <summary>The MIL-101(Fe)-like default: π–π* rising, C–C and C–O decaying (C–O slightly faster), M–O constant.</summary>
    public static SyntheticSession MixedResponse(IntegrityCurve carbonCurve, IntegrityCurve oxygenCurve, int frames = 1000, double relativeNoise = 0.01) => new(
        [
            new SyntheticWindow("pi_pi", 0.010, 0.016, carbonCurve),
            new SyntheticWindow("c_c", 0.050, 0.020, carbonCurve),
            new SyntheticWindow("c_o", 0.030, 0.010, oxygenCurve),
            new SyntheticWindow("m_o", 0.040, 0.040, IntegrityCurve.None),
        ],
        frames,
        relativeNoise: relativeNoise);

    /// <summary>A beam-resistant sample: every window constant within noise.</summary>
    public static SyntheticSession BeamResistant(int frames = 1000) => new(
        [
            new SyntheticWindow("pi_pi", 0.010, 0.010, IntegrityCurve.None),
            new SyntheticWindow("c_c", 0.050, 0.050, IntegrityCurve.None),
            new SyntheticWindow("c_o", 0.030, 0.030, IntegrityCurve.None),
            new SyntheticWindow("m_o", 0.040, 0.040, IntegrityCurve.None),
        ],
        frames);

    /// <summary>Deterministic frame sequence for a seed.</summary>
    public IEnumerable<SyntheticFrame> Generate(int seed)
    {
        var random = new Random(seed);
        var cumulative = 0.0;
        for (var f = 0; f < Frames; f++)
        {
            var dose = MinDosePerFrame + (MaxDosePerFrame - MinDosePerFrame) * random.NextDouble();
            var from = cumulative;
            cumulative += dose;
            var signals = new double[Windows.Count];
            for (var k = 0; k < Windows.Count; k++)
            {
                var mean = Windows[k].MeanSignal(from, cumulative);
                signals[k] = mean * (1 + RelativeNoise * Normal(random));
            }

            yield return new SyntheticFrame(cumulative - 0.5 * dose, cumulative, signals);
        }
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

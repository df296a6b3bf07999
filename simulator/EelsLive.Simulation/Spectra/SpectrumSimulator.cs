using System.Numerics;

namespace EelsLive.Simulation;

/// <summary>
/// Generates the frames of one simulated acquisition in order: noise-free spectrum at the frame's dose (damage averaged over
/// the exposure), shifted by the zero-loss drift, scaled by the beam-current factor, then Poisson and read-out noise.
/// </summary>
/// <remarks>
/// Deterministic: the same <see cref="SimulationScenario"/> gives the same counts, frame for frame. Shapes are precomputed; per
/// channel a frame costs an interpolation, a square root and one table-based normal deviate. Not thread-safe.
/// </remarks>
public sealed class SpectrumSimulator
{
    private const ulong NoiseStream = 1;
    private const ulong ConditionStream = 2;
    private const ulong SmallCountStream = 3;

    private readonly SimulationScenario _scenario;
    private readonly LowLossShapes _shapes;
    private readonly IReadOnlyList<WindowModel> _windows;
    private readonly double[] _clean;
    private readonly double[] _mean;
    private readonly double[] _sd;
    private readonly double _dosePerFrame;
    private readonly double _driftDecay;
    private readonly double _driftStep;
    private Xoshiro256StarStar _conditionRng;
    private double _driftEv;

    /// <summary>Creates the simulator and precomputes every spectral shape of <paramref name="scenario"/>.</summary>
    public SpectrumSimulator(SimulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _windows = scenario.Preset.Windows;
        var noise = scenario.Noise;
        int padding = (int)Math.Ceiling(Math.Max(0, noise.MaxDriftEv) / scenario.Axis.DispersionEv) + 2;
        _shapes = new LowLossShapes(scenario, padding);
        _clean = new double[_shapes.PaddedLength];
        _mean = new double[scenario.Axis.Channels];
        _sd = new double[scenario.Axis.Channels];
        _dosePerFrame = scenario.Dose.DosePerFrameEA2;
        _driftDecay = noise.DriftCorrelationFrames > 0 ? Math.Exp(-1 / noise.DriftCorrelationFrames) : 0;
        _driftStep = noise.DriftStdEv * Math.Sqrt(1 - _driftDecay * _driftDecay);
        _conditionRng = Xoshiro256StarStar.ForStream(scenario.Seed, ConditionStream);
        _driftEv = noise.DriftStdEv > 0 ? Math.Clamp(noise.DriftStdEv * _conditionRng.NextStandardNormal(), -noise.MaxDriftEv, noise.MaxDriftEv) : 0;
    }

    /// <summary>The scenario being simulated.</summary>
    public SimulationScenario Scenario => _scenario;

    /// <summary>The energy axis of every frame.</summary>
    public EnergyAxis Axis => _scenario.Axis;

    /// <summary>The number of the frame the next call to <c>Next</c> produces.</summary>
    public long NextSeq { get; private set; }

    /// <summary>
    /// Writes the next frame's counts into <paramref name="counts"/> (length ≥ <see cref="EnergyAxis.Channels"/>) and returns
    /// the conditions it was acquired under.
    /// </summary>
    public FrameConditions Next(Span<float> counts)
    {
        int channels = Axis.Channels;
        if (counts.Length < channels)
        {
            throw new ArgumentException($"The destination holds {counts.Length} channels; {channels} are needed.", nameof(counts));
        }

        long seq = NextSeq++;
        var conditions = AdvanceConditions(seq);
        BuildClean(conditions.DoseBeforeEA2, conditions.CumulativeDoseEA2);
        var rng = Xoshiro256StarStar.ForStream(_scenario.Seed, NoiseStream, (ulong)seq);
        WriteNoisy(counts[..channels], conditions, ref rng);
        return conditions;
    }

    /// <summary>
    /// Advances past the next frame without computing its counts (a frame lost in transit still exposes the sample);
    /// every later frame is the same as if it had been generated.
    /// </summary>
    public FrameConditions Skip() => AdvanceConditions(NextSeq++);

    /// <summary>Allocates and returns the next frame's counts together with its conditions.</summary>
    public (float[] Counts, FrameConditions Conditions) Next()
    {
        var counts = new float[Axis.Channels];
        var conditions = Next(counts);
        return (counts, conditions);
    }

    /// <summary>The expected (noise-free) counts at cumulative dose <paramref name="doseEA2"/>, zero drift and nominal current.</summary>
    public double[] ExpectedCounts(double doseEA2)
    {
        var integrities = new double[_windows.Count];
        for (int w = 0; w < integrities.Length; w++)
        {
            integrities[w] = _windows[w].Kinetics.Integrity(doseEA2);
        }

        return ExpectedCounts(integrities);
    }

    /// <summary>The expected (noise-free) counts when window w has latent integrity <paramref name="integrities"/>[w].</summary>
    public double[] ExpectedCounts(IReadOnlyList<double> integrities)
    {
        ArgumentNullException.ThrowIfNull(integrities);
        if (integrities.Count != _windows.Count)
        {
            throw new ArgumentException($"Expected {_windows.Count} integrities, one per window.", nameof(integrities));
        }

        var padded = (double[])_shapes.Baseline.Clone();
        for (int w = 0; w < _windows.Count; w++)
        {
            AddFeature(padded, w, _windows[w].RelativeAmplitude(integrities[w]));
        }

        return padded.AsSpan(_shapes.Padding, Axis.Channels).ToArray();
    }

    /// <summary>
    /// The expected normalised signal of window <paramref name="windowIndex"/> (window counts / total counts) at cumulative
    /// dose <paramref name="doseEA2"/>, free of noise, drift and current fluctuation.
    /// </summary>
    public double ExpectedSignal(int windowIndex, double doseEA2) => Signal(ExpectedCounts(doseEA2), windowIndex);

    /// <summary>
    /// The expected signal of window <paramref name="windowIndex"/> when its own integrity is <paramref name="integrity"/> and
    /// every other window is intact: S0 at 1, S∞ at 0.
    /// </summary>
    public double ExpectedSignalAtIntegrity(int windowIndex, double integrity)
    {
        var integrities = Enumerable.Repeat(1.0, _windows.Count).ToArray();
        integrities[windowIndex] = integrity;
        return Signal(ExpectedCounts(integrities), windowIndex);
    }

    private double Signal(double[] counts, int windowIndex)
    {
        var window = _windows[windowIndex].Window;
        double total = 0;
        foreach (double c in counts)
        {
            total += c;
        }

        return WindowIntegral.Sum(counts, Axis, window.LoEv, window.HiEv) / total;
    }

    private FrameConditions AdvanceConditions(long seq)
    {
        var noise = _scenario.Noise;
        double beamFactor = 1;
        if (noise.BeamCurrentFluctuation > 0)
        {
            beamFactor = Math.Max(0.05, 1 + noise.BeamCurrentFluctuation * _conditionRng.NextStandardNormal());
        }

        double drift = _driftEv;
        if (noise.DriftStdEv > 0)
        {
            _driftEv = Math.Clamp(_driftDecay * _driftEv + _driftStep * _conditionRng.NextStandardNormal(), -noise.MaxDriftEv, noise.MaxDriftEv);
        }

        double before = seq * _dosePerFrame;
        double after = (seq + 1) * _dosePerFrame;
        return new FrameConditions(seq, before, _dosePerFrame, after, drift, beamFactor);
    }

    /// <summary>Baseline plus each feature at its amplitude averaged over the exposure's dose interval (Simpson's rule).</summary>
    private void BuildClean(double doseBefore, double doseAfter)
    {
        Array.Copy(_shapes.Baseline, _clean, _clean.Length);
        double middle = 0.5 * (doseBefore + doseAfter);
        for (int w = 0; w < _windows.Count; w++)
        {
            var kinetics = _windows[w].Kinetics;
            double integrity = (kinetics.Integrity(doseBefore) + 4 * kinetics.Integrity(middle) + kinetics.Integrity(doseAfter)) / 6;
            AddFeature(_clean, w, _windows[w].RelativeAmplitude(integrity));
        }
    }

    private void AddFeature(double[] padded, int window, double relativeAmplitude)
    {
        double amplitude = _shapes.FeatureArea[window] * relativeAmplitude;
        var shape = _shapes.FeatureShape[window];
        int start = _shapes.FeatureStart[window];
        for (int k = 0; k < shape.Length; k++)
        {
            padded[start + k] += amplitude * shape[k];
        }
    }

    private void WriteNoisy(Span<float> counts, FrameConditions conditions, ref Xoshiro256StarStar rng)
    {
        var noise = _scenario.Noise;
        double shiftChannels = conditions.DriftEv / Axis.DispersionEv;

        // observed(E) = clean(E − drift): channel i reads the padded grid at i + padding − shift.
        double position = _shapes.Padding - shiftChannels;
        int baseIndex = (int)Math.Floor(position);
        double f = position - baseIndex;
        var mean = _mean.AsSpan(0, counts.Length);
        Interpolate(_clean.AsSpan(baseIndex, counts.Length + 1), (1 - f) * conditions.BeamFactor, f * conditions.BeamFactor, mean);

        double read = noise.ReadNoiseCounts;
        if (!noise.Counting)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] = (float)(read > 0 ? mean[i] + read * rng.NextStandardNormal() : mean[i]);
            }

            return;
        }

        // Poisson (normal approximation) plus Gaussian read-out noise: one deviate with the summed variance.
        var sd = _sd.AsSpan(0, counts.Length);
        StandardDeviations(mean, read * read, sd);
        double exactBelow = noise.ExactPoissonBelow;
        int even = counts.Length & ~1;
        for (int i = 0; i < even; i += 2)
        {
            // One 64-bit draw feeds two channels.
            ulong bits = rng.NextUInt64();
            counts[i] = (float)(mean[i] + sd[i] * StandardNormalTable.FromBits((uint)bits));
            counts[i + 1] = (float)(mean[i + 1] + sd[i + 1] * StandardNormalTable.FromBits((uint)(bits >> 32)));
        }

        if (even < counts.Length)
        {
            counts[even] = (float)(mean[even] + sd[even] * StandardNormalTable.FromBits((uint)rng.NextUInt64()));
        }

        if (exactBelow > 0)
        {
            var poissonRng = Xoshiro256StarStar.ForStream(_scenario.Seed, SmallCountStream, (ulong)conditions.Seq);
            ExactPoissonWhereLow(counts, mean, read, exactBelow, ref poissonRng);
        }
    }

    /// <summary>Replaces the normal approximation by an exact Poisson deviate (plus read-out noise) where the mean is small.</summary>
    private static void ExactPoissonWhereLow(Span<float> counts, ReadOnlySpan<double> mean, double read, double exactBelow, ref Xoshiro256StarStar rng)
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (mean[i] < exactBelow)
            {
                counts[i] = (float)(ExactPoisson.Sample(mean[i], ref rng) + read * rng.NextStandardNormal());
            }
        }
    }

    private static void Interpolate(ReadOnlySpan<double> clean, double w0, double w1, Span<double> mean)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v0 = new Vector<double>(w0);
            var v1 = new Vector<double>(w1);
            for (; i <= mean.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var a = new Vector<double>(clean[i..]);
                var b = new Vector<double>(clean[(i + 1)..]);
                (a * v0 + b * v1).CopyTo(mean[i..]);
            }
        }

        for (; i < mean.Length; i++)
        {
            mean[i] = w0 * clean[i] + w1 * clean[i + 1];
        }
    }

    private static void StandardDeviations(ReadOnlySpan<double> mean, double readVariance, Span<double> sd)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var r = new Vector<double>(readVariance);
            for (; i <= mean.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                Vector.SquareRoot(Vector.Max(new Vector<double>(mean[i..]), Vector<double>.Zero) + r).CopyTo(sd[i..]);
            }
        }

        for (; i < mean.Length; i++)
        {
            sd[i] = Math.Sqrt(Math.Max(mean[i], 0) + readVariance);
        }
    }
}

using EelsLive.Protocol;

namespace EelsLive.Simulation.Tests;

public class SpectrumPhysicsTests
{
    private static readonly EnergyAxis Axis = EnergyAxis.Default;

    /// <summary>The normalised signal of a window read from a frame, aligned on the known drift (as the monitor's ZLP alignment would).</summary>
    private static double Signal(FrameMessage frame, DamageWindow window, double driftEv)
    {
        var counts = frame.Counts.ToArray();
        return TestSupport.WindowSum(counts, frame.OffsetEv, frame.DispersionEv, window.LoEv + driftEv, window.HiEv + driftEv) / TestSupport.Total(counts);
    }

    /// <summary>Least-squares fit y = a + b·x; returns (a, b, rms residual).</summary>
    private static (double A, double B, double Rms) Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average();
        double my = y.Average();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        double b = sxy / sxx;
        double a = my - b * mx;
        double rms = Math.Sqrt(Enumerable.Range(0, x.Count).Select(i => Math.Pow(y[i] - a - b * x[i], 2)).Average());
        return (a, b, rms);
    }

    [Fact]
    public void Window_signals_follow_the_true_integrity_curves_within_noise()
    {
        var scenario = new SimulationScenario(SimulationPresets.Mil101Fe, 11) { Dose = DoseSettings.PerFrame(20, 0.1) };
        var frames = TestSupport.Generate(scenario, 300); // 0 … 6000 e/Å²
        var truth = GroundTruth.For(new SimulatedSeries(scenario, new SeriesOptions { Frames = 300 }));

        for (int w = 0; w < scenario.Preset.Windows.Count; w++)
        {
            var model = scenario.Preset.Windows[w];
            var windowTruth = truth.Windows[w];
            var integrity = frames.Select(f => model.Kinetics.Integrity(0.5 * (f.Conditions.DoseBeforeEA2 + f.Conditions.CumulativeDoseEA2))).ToList();
            var signal = frames.Select(f => Signal(f.Message, model.Window, f.Conditions.DriftEv)).ToList();

            // Per-frame noise of the normalised signal: Poisson + read-out on the window counts.
            var first = frames[0].Message.Counts.ToArray();
            double windowCounts = TestSupport.WindowSum(first, Axis.OffsetEv, Axis.DispersionEv, model.Window.LoEv, model.Window.HiEv);
            double channels = model.Window.WidthEv / Axis.DispersionEv;
            double noise = Math.Sqrt(windowCounts + channels * 9) / TestSupport.Total(first);

            double span = Math.Abs(windowTruth.S0 - windowTruth.SInf);
            if (integrity.Max() - integrity.Min() > 0.2)
            {
                // S = S∞ + (S0 − S∞)·I: fitted against the TRUE integrity, intercept and slope recover the truth.
                var (a, b, rms) = Fit(integrity, signal);
                Assert.InRange(a + b, windowTruth.S0 - 0.03 * span - 5 * noise, windowTruth.S0 + 0.03 * span + 5 * noise);
                Assert.InRange(a, windowTruth.SInf - 0.05 * span - 5 * noise, windowTruth.SInf + 0.05 * span + 5 * noise);
                Assert.True(rms < 2 * noise + 0.01 * span, $"{model.Window.Name}: rms {rms:E3} vs noise {noise:E3}");
                Assert.Equal(windowTruth.SignalRises, b < 0);

                // The same fit against a wrong D50 (±40 %) is clearly worse (Δχ² > 9, i.e. > 3σ): the test can tell the kinetics apart.
                foreach (double factor in new[] { 0.6, 1.4 })
                {
                    var wrong = frames.Select(f => model.Kinetics.Integrity(0.5 * (f.Conditions.DoseBeforeEA2 + f.Conditions.CumulativeDoseEA2) / factor)).ToList();
                    double wrongRms = Fit(wrong, signal).Rms;
                    double deltaChiSquare = frames.Count * (wrongRms * wrongRms - rms * rms) / (rms * rms);
                    Assert.True(deltaChiSquare > 9, $"{model.Window.Name}: D50×{factor} fits almost as well as the truth (Δχ² {deltaChiSquare:F1})");
                }
            }
            else
            {
                // M–O barely changes: its signal is flat within noise from the first to the last 50 frames.
                double early = signal.Take(50).Average();
                double late = signal.Skip(250).Average();
                Assert.InRange(late - early, -0.02 * windowTruth.S0, 0.02 * windowTruth.S0);
            }
        }
    }

    [Fact]
    public void Control_preset_signals_do_not_change_with_dose()
    {
        var scenario = new SimulationScenario(SimulationPresets.Control, 5) { Dose = DoseSettings.PerFrame(50, 0.1) };
        var frames = TestSupport.Generate(scenario, 200);
        foreach (var model in scenario.Preset.Windows)
        {
            var signal = frames.Select(f => Signal(f.Message, model.Window, f.Conditions.DriftEv)).ToList();
            var dose = frames.Select(f => f.Conditions.CumulativeDoseEA2).ToList();
            var (_, slope, rms) = Fit(dose, signal);
            double change = Math.Abs(slope * dose[^1]);
            Assert.True(change < 4 * rms / Math.Sqrt(200) * Math.Sqrt(12) + 1e-12, $"{model.Window.Name}: changed by {change:E3}");
        }
    }

    [Fact]
    public void Zero_loss_peak_has_the_configured_width_at_zero_and_plasmon_sits_near_Ep()
    {
        // A sample without damage features, so that everything beyond the zero-loss peak is plasmon or background.
        var bare = new SimulationPreset("bare", "no features", 300, []);
        var simulator = new SpectrumSimulator(new SimulationScenario(bare, 1));
        var expected = simulator.ExpectedCounts(0);
        int peak = Array.IndexOf(expected, expected.Max());
        Assert.Equal(0.0, Axis.CentreEv(peak), 3);

        // FWHM from the half-maximum crossings, interpolated between channels.
        double half = expected[peak] / 2;
        int right = peak;
        while (expected[right] > half) right++;
        int left = peak;
        while (expected[left] > half) left--;
        double rightEv = Axis.CentreEv(right - 1) + Axis.DispersionEv * (expected[right - 1] - half) / (expected[right - 1] - expected[right]);
        double leftEv = Axis.CentreEv(left + 1) - Axis.DispersionEv * (expected[left + 1] - half) / (expected[left + 1] - expected[left]);
        Assert.InRange(rightEv - leftEv, 0.68, 0.72);

        // The loss maximum beyond 8 eV is the bulk plasmon, a little below Ep (the angular factor favours low losses).
        int from = (int)Math.Round((8 - Axis.OffsetEv) / Axis.DispersionEv);
        int plasmon = from + Array.IndexOf(expected[from..], expected[from..].Max());
        Assert.InRange(Axis.CentreEv(plasmon), 15, 24);

        // Inelastic fraction of the zero-loss counts ≈ e^{t/λ} − 1 truncated at double scattering, within the axis.
        double zlp = TestSupport.WindowSum(expected, Axis.OffsetEv, Axis.DispersionEv, -2, 2);
        double total = TestSupport.Total(expected) - SpectrumParameters.Default.BackgroundCountsPerChannel * Axis.Channels;
        double tl = SpectrumParameters.Default.ThicknessOverMeanFreePath;
        Assert.InRange((total - zlp) / zlp, 0.85 * (tl + tl * tl / 2), 1.05 * (tl + tl * tl / 2));
    }

    [Fact]
    public void Drift_moves_the_whole_spectrum_and_stays_bounded()
    {
        var scenario = new SimulationScenario(SimulationPresets.Control, 3);
        var frames = TestSupport.Generate(scenario, 400);
        var drifts = frames.Select(f => f.Conditions.DriftEv).ToList();
        Assert.All(drifts, d => Assert.InRange(d, -NoiseParameters.Default.MaxDriftEv, NoiseParameters.Default.MaxDriftEv));
        Assert.True(drifts.Max() - drifts.Min() > 0.01, "the drift actually wanders");

        foreach (var (conditions, message) in frames.Where((_, i) => i % 40 == 0))
        {
            var counts = message.Counts.ToArray();
            double weighted = 0;
            double sum = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                double e = message.OffsetEv + i * message.DispersionEv;
                if (Math.Abs(e - conditions.DriftEv) < 1.5)
                {
                    weighted += e * counts[i];
                    sum += counts[i];
                }
            }

            Assert.Equal(conditions.DriftEv, weighted / sum, 0.004);
        }
    }

    [Fact]
    public void Counting_noise_has_Poisson_plus_read_out_variance()
    {
        // No drift or current fluctuation, no background, so the high-loss tail is below the exact-Poisson threshold.
        var scenario = new SimulationScenario(SimulationPresets.Control, 9)
        {
            Noise = NoiseParameters.Default with { BeamCurrentFluctuation = 0, DriftStdEv = 0 },
            Spectrum = SpectrumParameters.Default with { BackgroundCountsPerChannel = 0, ZeroLossCounts = 2e5 },
        };
        var simulator = new SpectrumSimulator(scenario);
        var expected = simulator.ExpectedCounts(0);
        const int N = 600;
        var sum = new double[Axis.Channels];
        var sumSq = new double[Axis.Channels];
        var counts = new float[Axis.Channels];
        for (int n = 0; n < N; n++)
        {
            simulator.Next(counts);
            for (int i = 0; i < counts.Length; i++)
            {
                sum[i] += counts[i];
                sumSq[i] += (double)counts[i] * counts[i];
            }
        }

        double read2 = NoiseParameters.Default.ReadNoiseCounts * NoiseParameters.Default.ReadNoiseCounts;
        foreach (var (lo, hi) in new[] { (5e3, double.MaxValue), (100.0, 3000.0), (3.0, 25.0) })
        {
            var channels = Enumerable.Range(0, Axis.Channels).Where(i => expected[i] >= lo && expected[i] < hi).ToList();
            Assert.True(channels.Count > 10, $"no channels with mean in [{lo}, {hi})");
            double ratio = channels.Average(i => (sumSq[i] / N - Math.Pow(sum[i] / N, 2)) * N / (N - 1) / (expected[i] + read2));
            double meanRatio = channels.Average(i => sum[i] / N / expected[i]);
            Assert.InRange(ratio, 0.93, 1.07);
            Assert.InRange(meanRatio, 0.99, 1.01);
        }
    }

    [Fact]
    public void Beam_current_fluctuation_scales_the_total_counts()
    {
        var scenario = new SimulationScenario(SimulationPresets.Control, 4) { Noise = NoiseParameters.Default with { DriftStdEv = 0 } };
        var simulator = new SpectrumSimulator(scenario);
        double expectedTotal = TestSupport.Total(simulator.ExpectedCounts(0));
        var factors = new List<double>();
        for (int n = 0; n < 200; n++)
        {
            var (counts, conditions) = simulator.Next();
            double total = TestSupport.Total(counts.Select(c => (double)c).ToArray());
            // Poisson noise on ~1.5×10⁶ counts is 0.08 %; allow 5σ.
            Assert.Equal(conditions.BeamFactor, total / expectedTotal, 0.0045);
            factors.Add(conditions.BeamFactor);
        }

        double sd = Math.Sqrt(factors.Average(f => (f - 1) * (f - 1)));
        Assert.InRange(sd, 0.5 * NoiseParameters.Default.BeamCurrentFluctuation, 1.5 * NoiseParameters.Default.BeamCurrentFluctuation);
    }
}

namespace EelsLive.Simulation;

/// <summary>
/// The noise-free spectral components, computed once per scenario on the energy axis extended by a few padding
/// channels on both sides (so that a drifted spectrum can be read by interpolation without recomputing any shape).
/// </summary>
internal sealed class LowLossShapes
{
    private const double ElectronRestEnergyEv = 510_998.95;

    public LowLossShapes(SimulationScenario scenario, int padding)
    {
        var axis = scenario.Axis;
        var p = scenario.Spectrum;
        Padding = padding;
        PaddedLength = axis.Channels + 2 * padding;
        double d = axis.DispersionEv;
        double firstEv = axis.OffsetEv - padding * d;

        Baseline = new double[PaddedLength];
        AddZeroLossPeak(Baseline, firstEv, d, p);
        AddPlasmons(Baseline, firstEv, d, p, scenario.Preset.BeamEnergyKv);
        for (int j = 0; j < PaddedLength; j++)
        {
            Baseline[j] += p.BackgroundCountsPerChannel;
        }

        var baselineOnAxis = Baseline.AsSpan(padding, axis.Channels);
        var windows = scenario.Preset.Windows;
        FeatureStart = new int[windows.Count];
        FeatureShape = new double[windows.Count][];
        FeatureArea = new double[windows.Count];
        for (int w = 0; w < windows.Count; w++)
        {
            var window = windows[w].Window;
            double baselineInWindow = WindowIntegral.Sum(baselineOnAxis, axis, window.LoEv, window.HiEv);
            FeatureArea[w] = windows[w].Contrast * baselineInWindow;
            (FeatureStart[w], FeatureShape[w]) = GaussianInside(window, firstEv, d, PaddedLength);
        }
    }

    /// <summary>Channels added on each side of the axis.</summary>
    public int Padding { get; }

    /// <summary>Channels of the padded grid.</summary>
    public int PaddedLength { get; }

    /// <summary>Zero-loss peak + plasmons + background, in counts per channel at nominal current, on the padded grid.</summary>
    public double[] Baseline { get; }

    /// <summary>Padded index of the first channel of each window's feature.</summary>
    public int[] FeatureStart { get; }

    /// <summary>Each window's feature shape, unit area in counts (sum over channels = 1 for a feature wholly inside the axis).</summary>
    public double[][] FeatureShape { get; }

    /// <summary>The intact feature area A0 of each window, in counts at nominal current.</summary>
    public double[] FeatureArea { get; }

    private static void AddZeroLossPeak(double[] target, double firstEv, double d, SpectrumParameters p)
    {
        double sigma = p.ZeroLossFwhmEv / (2 * Math.Sqrt(2 * Math.Log(2)));
        double gamma = 0.5 * p.ZeroLossFwhmEv;
        double eta = p.ZeroLossLorentzianFraction;
        double gaussNorm = 1 / (sigma * Math.Sqrt(2 * Math.PI));
        for (int j = 0; j < target.Length; j++)
        {
            double e = firstEv + j * d;
            double gauss = gaussNorm * Math.Exp(-0.5 * e * e / (sigma * sigma));
            double lorentz = gamma / (Math.PI * (e * e + gamma * gamma));
            target[j] += p.ZeroLossCounts * d * ((1 - eta) * gauss + eta * lorentz);
        }
    }

    /// <summary>
    /// Drude single scattering Im(−1/ε) = E·Ep²·Γ / ((E² − Ep²)² + (E·Γ)²) times the angular factor ln(1 + (β/θ_E)²),
    /// normalised to unit area, plus its self-convolution for double scattering (Poisson weights t/λ and (t/λ)²/2).
    /// </summary>
    private static void AddPlasmons(double[] target, double firstEv, double d, SpectrumParameters p, double beamEnergyKv)
    {
        double lastEv = firstEv + (target.Length - 1) * d;
        if (lastEv <= 0 || p.ThicknessOverMeanFreePath <= 0)
        {
            return;
        }

        // A grid from 0 to well past the axis so that the normalisation includes the high-energy tail.
        int n = (int)Math.Ceiling(Math.Max(lastEv, 4 * p.PlasmonEnergyEv) / d) + 1;
        var single = new double[n];
        double gammaRel = 1 + beamEnergyKv * 1000 / ElectronRestEnergyEv;
        double betaSq = 1 - 1 / (gammaRel * gammaRel);
        double mv2 = ElectronRestEnergyEv * betaSq;
        double beta = p.CollectionSemiAngleMrad * 1e-3;
        double ep2 = p.PlasmonEnergyEv * p.PlasmonEnergyEv;
        double total = 0;
        for (int k = 1; k < n; k++)
        {
            double e = k * d;
            double lossFunction = e * ep2 * p.PlasmonWidthEv / ((e * e - ep2) * (e * e - ep2) + e * e * p.PlasmonWidthEv * p.PlasmonWidthEv);
            double thetaE = e / (gammaRel * mv2);
            single[k] = lossFunction * Math.Log(1 + beta * beta / (thetaE * thetaE));
            total += single[k];
        }

        for (int k = 1; k < n; k++)
        {
            single[k] /= total;
        }

        var doubled = new double[n];
        for (int k = 2; k < n; k++)
        {
            double sum = 0;
            for (int m = 1; m < k; m++)
            {
                sum += single[m] * single[k - m];
            }

            doubled[k] = sum;
        }

        double tl = p.ThicknessOverMeanFreePath;
        for (int j = 0; j < target.Length; j++)
        {
            double e = firstEv + j * d;
            if (e <= 0)
            {
                continue;
            }

            // Linear interpolation of the 0-based grid at energy e.
            double pos = e / d;
            int k = (int)pos;
            if (k + 1 >= n)
            {
                continue;
            }

            double f = pos - k;
            double s1 = (1 - f) * single[k] + f * single[k + 1];
            double s2 = (1 - f) * doubled[k] + f * doubled[k + 1];
            target[j] += p.ZeroLossCounts * (tl * s1 + 0.5 * tl * tl * s2);
        }
    }

    /// <summary>A unit-area Gaussian centred in the window with σ = width/6, cut at the window edges (±3σ).</summary>
    private static (int Start, double[] Shape) GaussianInside(DamageWindow window, double firstEv, double d, int length)
    {
        double sigma = window.WidthEv / 6;
        int start = Math.Max(0, (int)Math.Floor((window.LoEv - firstEv) / d));
        int end = Math.Min(length - 1, (int)Math.Ceiling((window.HiEv - firstEv) / d));
        if (end < start)
        {
            return (0, []);
        }

        var shape = new double[end - start + 1];
        double norm = d / (sigma * Math.Sqrt(2 * Math.PI));
        for (int j = start; j <= end; j++)
        {
            double e = firstEv + j * d;
            double channelLo = e - 0.5 * d;
            double inside = Math.Min(window.HiEv, channelLo + d) - Math.Max(window.LoEv, channelLo);
            if (inside <= 0)
            {
                continue;
            }

            double z = (e - window.CentreEv) / sigma;
            shape[j - start] = norm * Math.Exp(-0.5 * z * z) * (inside / d);
        }

        return (start, shape);
    }
}

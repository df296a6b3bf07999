using EelsLive.Simulation;

namespace EelsLive.Cli.Validation;

/// <summary>
/// References of what a session's frames say about a window's D50: least-squares fits of the simulator's kinetics families
/// (every parameter free, no priors, no network) with a free start and end level, S = S∞ + (S0 − S∞)·I(D), to the measured
/// signals. <see cref="TrueFamilyD50"/> fits the true family (its form known); <see cref="BestFamily"/> fits every family and keeps the
/// one the data favour, as a careful analyst who does not know the form would. A model that misses where these fits also
/// miss is at the limit of the data.
/// </summary>
/// <remarks>
/// Each family is parameterised by D50 and at most one shape parameter (the order p, the stretch exponent β, or the incubation as
/// a fraction of D50). For every candidate the two levels are solved in closed form; D50 is profiled on a log grid refined by
/// golden-section search, and the shape on a grid refined the same way. Unweighted: the relative noise of a window's normalised
/// signal hardly changes over a session.
/// </remarks>
internal static class ReferenceFit
{
    private const int D50GridPoints = 32;
    private const int ShapeGridPoints = 12;
    private const double LogTolerance = 1e-4;
    private const double ShapeTolerance = 1e-3;
    private const double MaxD50OverLastDose = 10;
    private const int MinimumFrames = 8;

    /// <summary>Range of the order p searched for order-p windows (the model's is 1–3).</summary>
    public const double MinOrder = 1, MaxOrder = 4;

    /// <summary>Range of the stretch exponent β searched for stretched-exponential windows (the model's is 0.3–1).</summary>
    public const double MinBeta = 0.2, MaxBeta = 2;

    /// <summary>Largest incubation searched for two-stage windows, as a fraction of D50.</summary>
    public const double MaxIncubationFraction = 0.95;

    /// <summary>The families <see cref="BestFamily"/> chooses from: the simulator's damaging families.</summary>
    public static IReadOnlyList<string> Families { get; } = ["exponential", "order_p", "stretched_exponential", "two_stage"];

    /// <summary>
    /// The D50 of the best fit of <paramref name="truth"/>'s family to the signals at the (mid-frame) doses, or null for a family
    /// without D50 (no damage) or fewer than <see cref="MinimumFrames"/> frames.
    /// </summary>
    public static double? TrueFamilyD50(IDamageKinetics truth, IReadOnlyList<double> doses, IReadOnlyList<double> signals)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return Usable(doses, signals) && Families.Contains(truth.Family) ? Fit(truth.Family, new Series(doses, signals)).D50 : null;
    }

    /// <summary>
    /// The family whose fit the data favour (least Akaike information criterion: the single exponential has one parameter
    /// fewer than the others) and its D50, or null with fewer than <see cref="MinimumFrames"/> frames.
    /// </summary>
    public static (string Family, double D50)? BestFamily(IReadOnlyList<double> doses, IReadOnlyList<double> signals) =>
        Usable(doses, signals) && Favoured(new Series(doses, signals)) is var (family, d50, _) ? (family, d50) : null;

    /// <summary>
    /// <see cref="TrueFamilyD50"/> and <see cref="BestFamily"/> together, each family fitted once: the true family's D50 (null
    /// for a family without D50), and the favoured family with its D50. Null with fewer than <see cref="MinimumFrames"/> frames.
    /// </summary>
    public static (double? TrueFamilyD50, string BestFamily, double BestFamilyD50)? Both(IDamageKinetics truth, IReadOnlyList<double> doses, IReadOnlyList<double> signals)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (!Usable(doses, signals))
        {
            return null;
        }

        var data = new Series(doses, signals);
        var (family, d50, fits) = Favoured(data);
        double? trueFamily = fits.Where(f => f.Family == truth.Family).Select(f => (double?)f.D50).FirstOrDefault();
        return (trueFamily, family, d50);
    }

    /// <summary>Fits every family and returns the one with the least AIC, with its D50 and every family's fit.</summary>
    private static (string Family, double D50, IReadOnlyList<(string Family, double D50)> Fits) Favoured(Series data)
    {
        var fits = Families.Select(f => (Family: f, Fit: Fit(f, data))).ToList();
        int most = fits.Max(f => f.Fit.Parameters);

        // The noise variance from the best fit, floored far below any real noise so that exact data pick the simplest family.
        double variance = Math.Max(fits.Min(f => f.Fit.Loss) / (data.Count - most), 1e-12 * data.SignalVariance);
        var best = fits.OrderBy(f => (f.Fit.Loss / variance) + (2 * f.Fit.Parameters)).First();
        return (best.Family, best.Fit.D50, [.. fits.Select(f => (f.Family, f.Fit.D50))]);
    }

    private static bool Usable(IReadOnlyList<double> doses, IReadOnlyList<double> signals)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(signals);
        if (doses.Count != signals.Count)
        {
            throw new ArgumentException($"{doses.Count} doses but {signals.Count} signals.", nameof(signals));
        }

        return doses.Count >= MinimumFrames;
    }

    /// <summary>The least-squares fit of <paramref name="family"/>: its residual sum of squares, D50 and number of free parameters (levels included).</summary>
    private static (double Loss, double D50, int Parameters) Fit(string family, Series data)
    {
        Func<double, double, IDamageKinetics> create = family switch
        {
            "exponential" => (_, d50) => ExponentialKinetics.FromD50(d50),
            "order_p" => (p, d50) => OrderPKinetics.FromD50(d50, p),
            "stretched_exponential" => (beta, d50) => StretchedExponentialKinetics.FromD50(d50, beta),
            "two_stage" => (fraction, d50) => TwoStageKinetics.FromD50(fraction * d50, d50),
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "not a damaging kinetics family."),
        };
        (double Lo, double Hi)? shapes = family switch
        {
            "order_p" => (MinOrder, MaxOrder),
            "stretched_exponential" => (MinBeta, MaxBeta),
            "two_stage" => (0, MaxIncubationFraction),
            _ => null,
        };

        (double Loss, double Argument) Profile(double shape) =>
            Minimise(logD50 => data.Loss(create(shape, Math.Exp(logD50))), data.LogD50Lo, data.LogD50Hi, D50GridPoints, LogTolerance);

        if (shapes is not { } range)
        {
            var only = Profile(0);
            return (only.Loss, Math.Exp(only.Argument), 3);
        }

        var best = Minimise(shape => Profile(shape).Loss, range.Lo, range.Hi, ShapeGridPoints, ShapeTolerance);
        var profile = Profile(best.Argument);
        return (profile.Loss, Math.Exp(profile.Argument), 4);
    }

    /// <summary>Grid search over [lo, hi], then golden-section search between the best grid point's neighbours.</summary>
    private static (double Loss, double Argument) Minimise(Func<double, double> loss, double lo, double hi, int points, double tolerance)
    {
        double step = (hi - lo) / (points - 1);
        int bestIndex = 0;
        double bestLoss = double.PositiveInfinity;
        for (int i = 0; i < points; i++)
        {
            double value = loss(lo + (i * step));
            if (value < bestLoss)
            {
                bestLoss = value;
                bestIndex = i;
            }
        }

        double a = lo + (Math.Max(bestIndex - 1, 0) * step);
        double b = lo + (Math.Min(bestIndex + 1, points - 1) * step);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - (ratio * (b - a)), d = a + (ratio * (b - a));
        double fc = loss(c), fd = loss(d);
        while (b - a > tolerance)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = loss(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = loss(d);
            }
        }

        double argument = fc < fd ? c : d;
        double found = Math.Min(fc, fd);
        return found <= bestLoss ? (found, argument) : (bestLoss, lo + (bestIndex * step));
    }

    /// <summary>The measured series, with the sums the closed-form level fit needs and the range of D50 searched.</summary>
    private sealed class Series
    {
        private readonly double[] _doses;
        private readonly double[] _signals;
        private readonly double _sumS;
        private readonly double _sumSS;

        public Series(IReadOnlyList<double> doses, IReadOnlyList<double> signals)
        {
            // Centred, so that the sums below do not cancel: the fitted start level absorbs the mean.
            double mean = signals.Average();
            _doses = [.. doses];
            _signals = [.. signals.Select(s => s - mean)];
            _sumS = _signals.Sum();
            _sumSS = _signals.Sum(s => s * s);
            double lastDose = _doses.Max();
            double firstDose = Math.Max(_doses.Where(d => d > 0).DefaultIfEmpty(lastDose).Min(), lastDose * 1e-4);
            LogD50Lo = Math.Log(firstDose);
            LogD50Hi = Math.Log(MaxD50OverLastDose * lastDose);
        }

        /// <summary>Number of frames.</summary>
        public int Count => _doses.Length;

        /// <summary>Variance of the signals about their mean.</summary>
        public double SignalVariance => _sumSS / _doses.Length;

        /// <summary>ln of the smallest D50 searched: the first dose.</summary>
        public double LogD50Lo { get; }

        /// <summary>ln of the largest D50 searched: ten times the last dose.</summary>
        public double LogD50Hi { get; }

        /// <summary>Residual sum of squares of S = a + b·I(D) with a and b solved by least squares.</summary>
        public double Loss(IDamageKinetics kinetics)
        {
            double n = _doses.Length, sumI = 0, sumII = 0, sumIS = 0;
            for (int i = 0; i < _doses.Length; i++)
            {
                double integrity = kinetics.Integrity(_doses[i]);
                sumI += integrity;
                sumII += integrity * integrity;
                sumIS += integrity * _signals[i];
            }

            double varianceI = sumII - (sumI * sumI / n);
            double varianceS = _sumSS - (_sumS * _sumS / n);
            double covariance = sumIS - (sumI * _sumS / n);

            // A constant integrity leaves only the mean level.
            return varianceI <= 1e-12 * n ? varianceS : varianceS - (covariance * covariance / varianceI);
        }
    }
}

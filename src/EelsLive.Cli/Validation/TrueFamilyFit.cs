using EelsLive.Simulation;

namespace EelsLive.Cli.Validation;

/// <summary>
/// The reference of what a session's frames say about a window's D50: a least-squares fit of the simulator's true kinetics
/// family (its form known, every parameter free, no priors, no network) with a free start and end level,
/// S = S∞ + (S0 − S∞)·I(D), to the measured signals. A model that misses where this fit also misses is at the limit of the data.
/// </summary>
/// <remarks>
/// Each family is parameterised by D50 and at most one shape parameter (the order p, the stretch exponent β, or the incubation as
/// a fraction of D50). For every candidate the two levels are solved in closed form; D50 is profiled on a log grid refined by
/// golden-section search, and the shape on a grid refined the same way. Unweighted: the relative noise of a window's normalised
/// signal hardly changes over a session.
/// </remarks>
internal static class TrueFamilyFit
{
    private const int D50GridPoints = 32;
    private const int ShapeGridPoints = 12;
    private const double LogTolerance = 1e-4;
    private const double ShapeTolerance = 1e-3;
    private const double MaxD50OverLastDose = 10;

    /// <summary>Range of the order p searched for order-p windows (the model's is 1–3).</summary>
    public const double MinOrder = 1, MaxOrder = 4;

    /// <summary>Range of the stretch exponent β searched for stretched-exponential windows.</summary>
    public const double MinBeta = 0.2, MaxBeta = 2;

    /// <summary>Largest incubation searched for two-stage windows, as a fraction of D50.</summary>
    public const double MaxIncubationFraction = 0.95;

    /// <summary>
    /// The D50 of the best fit of <paramref name="truth"/>'s family to the signals at the (mid-frame) doses, or null for a family
    /// without D50 (no damage) or fewer than four frames.
    /// </summary>
    public static double? D50(IDamageKinetics truth, IReadOnlyList<double> doses, IReadOnlyList<double> signals)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(signals);
        if (doses.Count != signals.Count)
        {
            throw new ArgumentException($"{doses.Count} doses but {signals.Count} signals.", nameof(signals));
        }

        Func<double, double, IDamageKinetics>? family = truth switch
        {
            ExponentialKinetics => (_, d50) => ExponentialKinetics.FromD50(d50),
            OrderPKinetics => (p, d50) => OrderPKinetics.FromD50(d50, p),
            StretchedExponentialKinetics => (beta, d50) => StretchedExponentialKinetics.FromD50(d50, beta),
            TwoStageKinetics => (fraction, d50) => TwoStageKinetics.FromD50(fraction * d50, d50),
            _ => null,
        };
        if (family is null || doses.Count < 4)
        {
            return null;
        }

        (double Lo, double Hi)? shapes = truth switch
        {
            OrderPKinetics => (MinOrder, MaxOrder),
            StretchedExponentialKinetics => (MinBeta, MaxBeta),
            TwoStageKinetics => (0, MaxIncubationFraction),
            _ => null,
        };
        var data = new Series(doses, signals);
        double lastDose = doses.Max();
        double firstDose = Math.Max(doses.Where(d => d > 0).DefaultIfEmpty(lastDose).Min(), lastDose * 1e-4);
        var logRange = (Lo: Math.Log(firstDose), Hi: Math.Log(MaxD50OverLastDose * lastDose));

        (double Loss, double LogD50) Profile(double shape) =>
            Minimise(logD50 => data.Loss(family(shape, Math.Exp(logD50))), logRange.Lo, logRange.Hi, D50GridPoints, LogTolerance);

        if (shapes is not { } range)
        {
            return Math.Exp(Profile(0).LogD50);
        }

        var best = Minimise(shape => Profile(shape).Loss, range.Lo, range.Hi, ShapeGridPoints, ShapeTolerance);
        return Math.Exp(Profile(best.Argument).LogD50);
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

    /// <summary>The measured series, with the sums the closed-form level fit needs.</summary>
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
        }

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

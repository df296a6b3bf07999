using EelsLive.Model.Binning;
using EelsLive.Model.Fitting;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace EelsLive.Model.Classical;

/// <summary>
/// Weighted stretched-exponential fit S = S∞ + ΔS·exp(−(D/Dc)^β) of one window by Levenberg–Marquardt in (ln Dc, ln β),
/// with S∞ and ΔS solved in closed form at every evaluation; warm-started, with a profiled delta-method covariance.
/// </summary>
public sealed class StretchedExponentialFit
{
    private const int MinimumBins = 8;
    private const double UnfittedSd = 10;
    private static readonly Vector<double> Lower = Vector<double>.Build.DenseOfArray([Math.Log(1e-2), Math.Log(0.2)]);
    private static readonly Vector<double> Upper = Vector<double>.Build.DenseOfArray([Math.Log(1e9), Math.Log(5)]);
    private readonly bool _nonNegativeAsymptote;
    private readonly int _maxIterations;

    /// <summary>Creates an unfitted window with initial characteristic dose <paramref name="initialDoseScaleEA2"/> and β = 1.</summary>
    public StretchedExponentialFit(double initialDoseScaleEA2, bool nonNegativeAsymptote, int maxIterations)
    {
        LogDc = Math.Log(initialDoseScaleEA2);
        LogBeta = 0;
        _nonNegativeAsymptote = nonNegativeAsymptote;
        _maxIterations = maxIterations;
    }

    /// <summary>ln of the characteristic dose Dc.</summary>
    public double LogDc { get; private set; }

    /// <summary>ln of the stretching exponent β.</summary>
    public double LogBeta { get; private set; }

    /// <summary>Var(ln Dc).</summary>
    public double VarLogDc { get; private set; } = UnfittedSd * UnfittedSd;

    /// <summary>Var(ln β).</summary>
    public double VarLogBeta { get; private set; } = 1;

    /// <summary>Cov(ln Dc, ln β).</summary>
    public double CovLogDcLogBeta { get; private set; }

    /// <summary>Closed-form amplitudes at the current parameters.</summary>
    public Amplitudes Amplitudes { get; private set; }

    /// <summary>True once at least one fit succeeded.</summary>
    public bool HasFit { get; private set; }

    /// <summary>ln Λ(D) = β (ln D − ln Dc).</summary>
    public double LogHazard(double doseEA2) => Math.Exp(LogBeta) * (Math.Log(Math.Max(doseEA2, 1e-300)) - LogDc);

    /// <summary>ln Λ(D) and its delta-method standard deviation.</summary>
    public void LogHazardWithSd(double doseEA2, out double center, out double sd)
    {
        var beta = Math.Exp(LogBeta);
        center = beta * (Math.Log(Math.Max(doseEA2, 1e-300)) - LogDc);
        var g0 = -beta;
        var g1 = center;
        var variance = g0 * g0 * VarLogDc + 2 * g0 * g1 * CovLogDcLogBeta + g1 * g1 * VarLogBeta;
        sd = Math.Sqrt(Math.Max(variance, 0));
    }

    /// <summary>Refits on the bins of <paramref name="data"/> (window <paramref name="window"/>) using its fit weights n_b/σ_b².</summary>
    public void Fit(BinnedSeries data, int window)
    {
        var n = data.Count;
        if (n < MinimumBins)
        {
            return;
        }

        var doses = data.Dose.AsSpan(0, n).ToArray();
        var signals = data.SignalsOf(window).ToArray();
        var weights = data.FitWeightsOf(window).ToArray();
        var x = Vector<double>.Build.DenseOfArray(doses);
        var y = Vector<double>.Build.DenseOfArray(signals);
        var w = Vector<double>.Build.DenseOfArray(weights);
        var integrities = new double[n];
        Vector<double> Model(Vector<double> p, Vector<double> dose)
        {
            var amplitudes = Project(p[0], p[1], doses, signals, weights, integrities);
            return Vector<double>.Build.Dense(dose.Count, i => amplitudes.Predict(integrities[i]));
        }

        var start = Vector<double>.Build.DenseOfArray([Math.Clamp(LogDc, Lower[0], Upper[0]), Math.Clamp(LogBeta, Lower[1], Upper[1])]);
        Vector<double> best;
        try
        {
            var objective = ObjectiveFunction.NonlinearModel(Model, x, y, w, accuracyOrder: 2);
            var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: _maxIterations);
            best = minimizer.FindMinimum(objective, start, Lower, Upper).MinimizingPoint;
        }
        catch (Exception ex) when (ex is MaximumIterationsException or EvaluationException or NonConvergenceException or ArithmeticException)
        {
            return;
        }

        if (!double.IsFinite(best[0]) || !double.IsFinite(best[1]))
        {
            return;
        }

        LogDc = best[0];
        LogBeta = best[1];
        Amplitudes = Project(LogDc, LogBeta, doses, signals, weights, integrities);
        UpdateCovariance(doses, signals, weights, integrities);
        if (AtBound(0) || AtBound(1))
        {
            // A parameter pinned at its box bound carries no curvature information: report it as unknown.
            VarLogDc = UnfittedSd * UnfittedSd;
            VarLogBeta = 1;
            CovLogDcLogBeta = 0;
        }

        HasFit = true;
    }

    private bool AtBound(int index)
    {
        var value = index == 0 ? LogDc : LogBeta;
        return value <= Lower[index] + 1e-6 || value >= Upper[index] - 1e-6;
    }

    private Amplitudes Project(double logDc, double logBeta, double[] doses, double[] signals, double[] weights, double[] integrities)
    {
        var beta = Math.Exp(logBeta);
        for (var i = 0; i < doses.Length; i++)
        {
            integrities[i] = Math.Exp(-Math.Exp(beta * (Math.Log(Math.Max(doses[i], 1e-300)) - logDc)));
        }

        return AmplitudeSolver.Solve(weights, signals, integrities, _nonNegativeAsymptote);
    }

    private void UpdateCovariance(double[] doses, double[] signals, double[] weights, double[] integrities)
    {
        const double h = 1e-4;
        var n = doses.Length;
        var jacobian = new double[2, n];
        var parameters = new[] { LogDc, LogBeta };
        for (var j = 0; j < 2; j++)
        {
            var plus = (double[])parameters.Clone();
            var minus = (double[])parameters.Clone();
            plus[j] += h;
            minus[j] -= h;
            var ap = Project(plus[0], plus[1], doses, signals, weights, integrities);
            var predictedPlus = integrities.Select(ap.Predict).ToArray();
            var am = Project(minus[0], minus[1], doses, signals, weights, integrities);
            for (var i = 0; i < n; i++)
            {
                jacobian[j, i] = (predictedPlus[i] - am.Predict(integrities[i])) / (2 * h);
            }
        }

        var amplitudes = Project(LogDc, LogBeta, doses, signals, weights, integrities);
        double a00 = 0, a01 = 0, a11 = 0, chi2 = 0;
        for (var i = 0; i < n; i++)
        {
            var wi = weights[i];
            a00 += wi * jacobian[0, i] * jacobian[0, i];
            a01 += wi * jacobian[0, i] * jacobian[1, i];
            a11 += wi * jacobian[1, i] * jacobian[1, i];
            var e = amplitudes.Predict(integrities[i]) - signals[i];
            chi2 += wi * e * e;
        }

        var dof = n - 4;
        var scale = dof > 0 ? Math.Max(1, chi2 / dof) : 1;
        var det = a00 * a11 - a01 * a01;
        if (!(det > 1e-300) || !double.IsFinite(det))
        {
            VarLogDc = UnfittedSd * UnfittedSd;
            VarLogBeta = 1;
            CovLogDcLogBeta = 0;
            return;
        }

        VarLogDc = Math.Min(scale * a11 / det, UnfittedSd * UnfittedSd);
        VarLogBeta = Math.Min(scale * a00 / det, 1);
        CovLogDcLogBeta = Math.Clamp(-scale * a01 / det, -Math.Sqrt(VarLogDc * VarLogBeta), Math.Sqrt(VarLogDc * VarLogBeta));
    }
}

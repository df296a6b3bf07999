using EelsLive.Model.Estimation;

namespace EelsLive.Model.Physics;

/// <summary>Log-hazard band of the physics model: centre from the full-data fit, spread = t-inflated RMS deviation of the bagged members combined in quadrature with the Laplace spread of the full-data fit and the weighted deviation of the other kinetics law's fit.</summary>
public sealed class EnsembleLogHazardBand : ILogHazardBand
{
    private const double MinimumHazard = 1e-300;
    private readonly MonotoneHazard _hazard;
    private readonly int _members;
    private readonly int _windows;
    private readonly double[] _coefficients;
    private readonly double _inflation;
    private readonly double[] _covariance;
    private readonly double[] _gradient;
    private readonly bool[] _hasCovariance;
    private readonly double[] _misfitInflation;
    private readonly bool[] _dispersionFree;
    private readonly double[] _alternative;
    private readonly double[] _alternativeWeight;
    private double[] _batchU = [];
    private double[] _batchLambda = [];
    private double[] _batchCenter = [];
    private double[] _batchSum = [];
    private double[] _batchMember = [];
    private double[] _batchGradient = [];

    /// <summary>Creates the band for <paramref name="members"/> fits (index 0 = full data) and <paramref name="windows"/> windows.</summary>
    public EnsembleLogHazardBand(MonotoneHazard hazard, int members, int windows, double inflation)
    {
        _hazard = hazard;
        _members = members;
        _windows = windows;
        _inflation = inflation;
        _coefficients = new double[members * windows * hazard.CoefficientCount];
        _covariance = new double[windows * hazard.ParameterCount * hazard.ParameterCount];
        _gradient = new double[hazard.ParameterCount];
        _hasCovariance = new bool[windows];
        _misfitInflation = new double[windows];
        Array.Fill(_misfitInflation, 1.0);
        _dispersionFree = new bool[windows];
        Array.Fill(_dispersionFree, hazard.IsDispersive);
        _alternative = new double[windows * hazard.CoefficientCount];
        _alternativeWeight = new double[windows];
    }

    /// <summary>Sets the Birge-ratio inflation √max(1, χ²_red) of a window's band.</summary>
    public void SetMisfitInflation(int window, double reducedChiSquare) => _misfitInflation[window] = Scale * Math.Sqrt(Math.Max(1, reducedChiSquare));

    /// <summary>Calibration factor applied to every spread (<see cref="ModelOptions.BandScale"/>).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Laplace covariance of θ of the full-data fit for one window (written by the caller; see <see cref="SetCovarianceValid"/>).</summary>
    public Span<double> CovarianceOf(int window)
    {
        var pp = _hazard.ParameterCount * _hazard.ParameterCount;
        return _covariance.AsSpan(window * pp, pp);
    }

    /// <summary>Marks whether the Laplace covariance of a window is usable.</summary>
    public void SetCovarianceValid(int window, bool valid) => _hasCovariance[window] = valid;

    /// <summary>Sets whether ln β of one window is fitted (its Laplace gradient then includes β) or frozen.</summary>
    public void SetDispersionFree(int window, bool free) => _dispersionFree[window] = free;

    /// <summary>
    /// Loads the full-data fit of a window under the other kinetics law and the posterior weight w of that law (0 ≤ w ≤ ½
    /// when the centre's law is the better one). The band's variance then includes w·(ln Λ_other − ln Λ_centre)², the
    /// between-law term of a two-law mixture: while the data cannot tell the laws apart, the band spans both readings.
    /// </summary>
    public void LoadAlternative(int window, ReadOnlySpan<double> theta, bool dispersionFree, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, 1);
        var c = _hazard.CoefficientCount;
        _hazard.Prepare(theta, _alternative.AsSpan(window * c, c), dispersionFree);
        _alternativeWeight[window] = weight;
    }

    /// <summary>Posterior weight of the other kinetics law's fit of a window (0 until one has been loaded).</summary>
    public double AlternativeWeight(int window) => _alternativeWeight[window];

    /// <summary>Loads the parameters θ (all windows) of one member.</summary>
    public void Load(int member, ReadOnlySpan<double> theta)
    {
        var p = _hazard.ParameterCount;
        var c = _hazard.CoefficientCount;
        for (var k = 0; k < _windows; k++)
        {
            _hazard.Prepare(theta.Slice(k * p, p), _coefficients.AsSpan((member * _windows + k) * c, c), _dispersionFree[k]);
        }
    }

    /// <summary>Cumulative hazard Λ of one member and window.</summary>
    public double Hazard(int member, int window, double doseEA2)
    {
        var c = _hazard.CoefficientCount;
        return _hazard.Value(_coefficients.AsSpan((member * _windows + window) * c, c), doseEA2, _hazard.U(doseEA2));
    }

    /// <inheritdoc />
    public double Center(int window, double doseEA2) => Math.Log(Math.Max(Hazard(0, window, doseEA2), MinimumHazard));

    /// <inheritdoc />
    public void Evaluate(int window, double doseEA2, out double center, out double sd)
    {
        var u = _hazard.U(doseEA2);
        var c = _hazard.CoefficientCount;
        center = Math.Log(Math.Max(_hazard.Value(_coefficients.AsSpan(window * c, c), doseEA2, u), MinimumHazard));
        var sum = 0.0;
        for (var m = 1; m < _members; m++)
        {
            var lambda = _hazard.Value(_coefficients.AsSpan((m * _windows + window) * c, c), doseEA2, u);
            var deviation = Math.Log(Math.Max(lambda, MinimumHazard)) - center;
            sum += deviation * deviation;
        }

        var ensembleSd = _inflation * Math.Sqrt(sum / (_members - 1));
        var laplaceSd = LaplaceSd(window, doseEA2, u);
        var lawVariance = 0.0;
        if (_alternativeWeight[window] > 0)
        {
            var alternative = Math.Log(Math.Max(_hazard.Value(_alternative.AsSpan(window * c, c), doseEA2, u), MinimumHazard)) - center;
            lawVariance = _alternativeWeight[window] * alternative * alternative;
        }

        sd = _misfitInflation[window] * Math.Sqrt(ensembleSd * ensembleSd + laplaceSd * laplaceSd + lawVariance);
    }

    /// <inheritdoc />
    public void EvaluateMany(int window, ReadOnlySpan<double> dosesEA2, Span<double> centers, Span<double> sds)
    {
        var n = dosesEA2.Length;
        EnsureBatchCapacity(n);
        var c = _hazard.CoefficientCount;
        var p = _hazard.ParameterCount;
        var u = _batchU.AsSpan(0, n);
        _hazard.Coordinates(dosesEA2, u);

        var lambda = _batchLambda.AsSpan(0, n);
        var full = _coefficients.AsSpan(window * c, c);
        if (_hasCovariance[window])
        {
            _hazard.ValuesAndGradients(full, dosesEA2, u, lambda, _batchGradient, n);
        }
        else
        {
            _hazard.Values(full, dosesEA2, u, lambda);
        }

        var center = _batchCenter.AsSpan(0, n);
        VectorKernels.LogOfAtLeast(lambda, MinimumHazard, center);

        var sum = _batchSum.AsSpan(0, n);
        sum.Clear();
        var memberLambda = _batchMember.AsSpan(0, n);
        for (var m = 1; m < _members; m++)
        {
            _hazard.Values(_coefficients.AsSpan((m * _windows + window) * c, c), dosesEA2, u, memberLambda);
            VectorKernels.LogOfAtLeast(memberLambda, MinimumHazard, memberLambda);
            for (var i = 0; i < n; i++)
            {
                var deviation = memberLambda[i] - center[i];
                sum[i] += deviation * deviation;
            }
        }

        var lawWeight = _alternativeWeight[window];
        if (lawWeight > 0)
        {
            _hazard.Values(_alternative.AsSpan(window * c, c), dosesEA2, u, memberLambda);
            VectorKernels.LogOfAtLeast(memberLambda, MinimumHazard, memberLambda);
        }

        var covariance = CovarianceOf(window);
        for (var i = 0; i < n; i++)
        {
            var lawVariance = 0.0;
            if (lawWeight > 0)
            {
                var deviation = memberLambda[i] - center[i];
                lawVariance = lawWeight * deviation * deviation;
            }

            var laplaceSd = 0.0;
            if (_hasCovariance[window] && lambda[i] > MinimumHazard)
            {
                var quadratic = 0.0;
                for (var a = 0; a < p; a++)
                {
                    var row = 0.0;
                    for (var b = 0; b < p; b++)
                    {
                        row += covariance[a * p + b] * _batchGradient[b * n + i];
                    }

                    quadratic += _batchGradient[a * n + i] * row;
                }

                laplaceSd = Math.Sqrt(Math.Max(quadratic, 0)) / lambda[i];
            }

            var ensembleSd = _inflation * Math.Sqrt(sum[i] / (_members - 1));
            centers[i] = center[i];
            sds[i] = _misfitInflation[window] * Math.Sqrt(ensembleSd * ensembleSd + laplaceSd * laplaceSd + lawVariance);
        }
    }

    private void EnsureBatchCapacity(int n)
    {
        if (_batchU.Length >= n)
        {
            return;
        }

        _batchU = new double[n];
        _batchLambda = new double[n];
        _batchCenter = new double[n];
        _batchSum = new double[n];
        _batchMember = new double[n];
        _batchGradient = new double[n * _hazard.ParameterCount];
    }

    /// <summary>Laplace (delta-method) standard deviation of ln Λ of the full-data fit: √(gᵀΣg)/Λ with g = ∂Λ/∂θ.</summary>
    public double LaplaceSd(int window, double doseEA2, double u)
    {
        if (!_hasCovariance[window])
        {
            return 0;
        }

        var c = _hazard.CoefficientCount;
        var p = _hazard.ParameterCount;
        var lambda = _hazard.ValueAndGradient(_coefficients.AsSpan(window * c, c), doseEA2, u, _gradient);
        if (!(lambda > MinimumHazard))
        {
            return 0;
        }

        var covariance = CovarianceOf(window);
        var quadratic = 0.0;
        for (var i = 0; i < p; i++)
        {
            var row = 0.0;
            for (var j = 0; j < p; j++)
            {
                row += covariance[i * p + j] * _gradient[j];
            }

            quadratic += _gradient[i] * row;
        }

        return Math.Sqrt(Math.Max(quadratic, 0)) / lambda;
    }
}

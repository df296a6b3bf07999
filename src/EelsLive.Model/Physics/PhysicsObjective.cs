using EelsLive.Model.Binning;
using EelsLive.Model.Fitting;

namespace EelsLive.Model.Physics;

/// <summary>
/// Penalised loss of one ensemble member over all windows: χ²/2 of the binned data with amplitudes projected out in closed
/// form, plus the order-p kinetics residual at the collocation doses, ordering priors and weak shrinkage priors; with its exact gradient.
/// </summary>
public sealed class PhysicsObjective
{
    /// <summary>
    /// Weight of the "no damage unless the data demand it" prior RatePriorWeight·Λ(D_prior) (exponential prior on the hazard at
    /// the prior dose). Its gradient scales like the data gradient (∝ ∂Λ/∂θ), so it cannot drive k into the flat floor region.
    /// </summary>
    public const double RatePriorWeight = 0.5;

    /// <summary>Linear pull of p − 1 towards 0 (first-order kinetics unless the data demand otherwise).</summary>
    public const double OrderPriorWeight = 0.1;

    /// <summary>
    /// The order this member's prior is centred on, as q = p − 1, or null for the linear pull of <see cref="OrderPriorWeight"/>
    /// towards first-order kinetics (the full-data fit). See <see cref="ModelOptions.OrderAnchorWeight"/>.
    /// </summary>
    public double? OrderAnchor { get; init; }

    /// <summary>Weight W of the quadratic order prior W·(q − <see cref="OrderAnchor"/>)² (in χ²/2 units).</summary>
    public double OrderAnchorWeight { get; init; }

    /// <summary>
    /// The ln β this member's dispersion prior is centred on, or null for ln β = 0 (no dispersion; the full-data fit). See
    /// <see cref="ModelOptions.SpreadMemberPriors"/>.
    /// </summary>
    public double? DispersionAnchor { get; init; }

    /// <summary>Quadratic pull of ln β towards 0 (classical order-p kinetics unless the data demand dispersion).</summary>
    public double DispersionPriorWeight { get; init; } = 1.0;

    /// <summary>
    /// Weight W of the prior W·D₀/D_prior on a fitted onset dose D₀ (χ²/2 units): an onset as large as the current dose costs
    /// as much as one unit of χ²/2, so the data must show the incubation before the fit places the onset late.
    /// </summary>
    public const double OnsetPriorWeight = 1.0;

    /// <summary>Quadratic shrinkage of the network amplitudes.</summary>
    public const double NetworkAmplitudeWeight = 0.1;

    private readonly MonotoneHazard _hazard;
    private readonly int _windows;
    private readonly double _physicsWeight;
    private readonly double _orderingWeight;
    private readonly bool _nonNegativeAsymptote;
    private readonly (int More, int Less)[] _ordering;
    private readonly double[] _integrity;
    private readonly double[] _integrityGradient;
    private readonly double[] _factors;
    private double[] _residuals = [];
    private double[] _residualFactors = [];
    private double[] _residualGradient = [];
    private readonly double[] _coefficients;
    private readonly double[] _scratch;
    private readonly double[] _hessian;
    private readonly double[] _workspace;
    private readonly double[] _projected;
    private readonly double[] _physicsScale;
    private readonly bool[] _dispersionFree;
    private readonly bool[] _orderKnown;
    private readonly double[] _orderPriorCentre;
    private readonly double[] _orderPriorWeight;

    /// <summary>Creates the objective for <paramref name="windows"/> windows and up to <paramref name="binCapacity"/> bins.</summary>
    public PhysicsObjective(MonotoneHazard hazard, int windows, int binCapacity, double physicsWeight, double orderingWeight, bool nonNegativeAsymptote, IReadOnlyList<(int More, int Less)> ordering)
    {
        _hazard = hazard;
        _windows = windows;
        _physicsWeight = physicsWeight;
        _orderingWeight = orderingWeight;
        _nonNegativeAsymptote = nonNegativeAsymptote;
        _ordering = [.. ordering];
        _integrity = new double[binCapacity];
        _integrityGradient = new double[binCapacity * hazard.ParameterCount];
        _factors = new double[binCapacity];
        _coefficients = new double[hazard.CoefficientCount];
        _scratch = new double[hazard.ParameterCount];
        _hessian = new double[hazard.ParameterCount * hazard.ParameterCount];
        _workspace = new double[hazard.ParameterCount * hazard.ParameterCount];
        _projected = new double[hazard.ParameterCount];
        _physicsScale = new double[windows];
        Array.Fill(_physicsScale, 1.0);
        _dispersionFree = new bool[windows];
        Array.Fill(_dispersionFree, hazard.IsDispersive);
        _orderKnown = new bool[windows];
        _orderPriorCentre = new double[windows];
        _orderPriorWeight = new double[windows];
    }

    /// <summary>
    /// Dose up to which the kinetics residual is relaxed for windows whose fit misfits (the observed dose range); beyond it
    /// the residual always has its full weight, so forecasts remain order-p kinetics.
    /// </summary>
    public double ObservedDoseEA2 { get; set; }

    /// <summary>
    /// Sets the factor (0, 1] applied to the kinetics residual of one window inside the observed dose range. With
    /// 1/χ²_red of the previous fit, data that the kinetics law cannot describe (incubation, strongly stretched decay) can
    /// buy network hazard where they are observed, instead of being forced into an order-p shape.
    /// </summary>
    public void SetPhysicsScale(int window, double scale) => _physicsScale[window] = Math.Clamp(scale, 1e-3, 1);

    /// <summary>Sets whether ln β of one window is fitted (dispersive hazard) or frozen (order-p branch, no extra logarithm).</summary>
    public void SetDispersionFree(int window, bool free) => _dispersionFree[window] = free;

    /// <summary>Diagonal added to the Gauss–Newton Hessian: a unit-information prior on θ (sd ≈ 1.4 in log/softplus space).</summary>
    public const double LaplaceRidge = 0.5;

    /// <summary>
    /// Laplace covariance of θ for one window: inverse of the Gauss–Newton Hessian of the penalised loss, with the amplitudes
    /// profiled out (variable-projection Jacobian), plus <see cref="LaplaceRidge"/>. Returns false if it cannot be inverted.
    /// </summary>
    public bool Covariance(ReadOnlySpan<double> theta, BinnedSeries data, int window, Collocation collocation, Span<double> covariance)
    {
        var p = _hazard.ParameterCount;
        _hazard.Prepare(theta.Slice(window * p, p), _coefficients, _dispersionFree[window]);
        var h = _hessian.AsSpan();
        h.Clear();
        var n = data.Count;
        if (n >= 2)
        {
            var y = data.SignalsOf(window);
            var weights = data.FitWeightsOf(window);
            IntegrityAndGradient(data);
            var (sw, si, sii, sy, siy) = MomentSums(weights, _integrity.AsSpan(0, n), y);
            var amplitudes = AmplitudeSolver.Solve(sw, si, sii, sy, siy, _nonNegativeAsymptote);
            var constrained = _nonNegativeAsymptote && amplitudes.Asymptote == 0 && amplitudes.Amplitude != 0;
            var a = amplitudes.Amplitude;

            // Weighted projections of each model-derivative column onto span{1, I} (or {I} when S∞ is pinned at 0).
            var projectionOne = _projected.AsSpan();
            Span<double> projectionI = stackalloc double[p];
            for (var i = 0; i < p; i++)
            {
                double g1 = 0, gi = 0;
                var dI = Column(i, n);
                for (var b = 0; b < n; b++)
                {
                    var wg = weights[b] * a * dI[b];
                    g1 += wg;
                    gi += wg * _integrity[b];
                }

                if (constrained)
                {
                    projectionOne[i] = 0;
                    projectionI[i] = sii > 0 ? gi / sii : 0;
                }
                else
                {
                    var det = sw * sii - si * si;
                    projectionOne[i] = det > 1e-300 ? (sii * g1 - si * gi) / det : 0;
                    projectionI[i] = det > 1e-300 ? (sw * gi - si * g1) / det : 0;
                }
            }

            Span<double> column = stackalloc double[p];
            for (var b = 0; b < n; b++)
            {
                for (var i = 0; i < p; i++)
                {
                    column[i] = a * _integrityGradient[i * _integrity.Length + b] - projectionOne[i] - projectionI[i] * _integrity[b];
                }

                var w = data.FitWeight[window * data.Capacity + b];
                for (var i = 0; i < p; i++)
                {
                    var wi = w * column[i];
                    for (var j = 0; j <= i; j++)
                    {
                        h[i * p + j] += wi * column[j];
                    }
                }
            }
        }

        if (_physicsWeight > 0 && _hazard.HiddenUnits > 0)
        {
            var weight = 2 * _physicsWeight / collocation.Dose.Length;
            for (var c = 0; c < collocation.Dose.Length; c++)
            {
                _hazard.Residual(_coefficients, collocation.Dose[c], collocation.U[c], _scratch);
                var pointWeight = weight * PointScale(window, collocation.Dose[c]);
                for (var i = 0; i < p; i++)
                {
                    var wi = pointWeight * _scratch[i];
                    for (var j = 0; j <= i; j++)
                    {
                        h[i * p + j] += wi * _scratch[j];
                    }
                }
            }
        }

        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < i; j++)
            {
                h[j * p + i] = h[i * p + j];
            }

            h[i * p + i] += LaplaceRidge;
        }

        if (_orderPriorWeight[window] > 0)
        {
            // Gauss–Newton curvature of W·(q − q₀)² in the order parameter: 2W·(dq/dπ)².
            h[OrderIndex * p + OrderIndex] += 2 * _orderPriorWeight[window] * _coefficients[2] * _coefficients[2];
        }

        // ln β pinned at a bound (β = 1 for undispersed data, or dispersion switched off) is an active constraint, not a free
        // direction: condition on it, so a frozen exponent adds no Laplace variance. A known kinetic order is conditioned on
        // in the same way.
        // The onset dose is treated the same way: at its lower bound (no incubation) or not fitted, it adds no variance.
        var d = _hazard.DispersionIndex;
        var betaPinned = AtBound(theta[window * p + d], d) || !_dispersionFree[window];
        if (betaPinned)
        {
            ConditionOn(h, p, d);
        }

        var o = _hazard.OnsetIndex;
        var onsetPinned = AtBound(theta[window * p + o], o) || !_dispersionFree[window] || !_hazard.HasOnset;
        if (onsetPinned)
        {
            ConditionOn(h, p, o);
        }

        if (_orderKnown[window])
        {
            ConditionOn(h, p, OrderIndex);
        }

        var inverted = CholeskyInverse.TryInvert(h, p, covariance, _workspace);
        if (inverted && betaPinned)
        {
            covariance[d * p + d] = 0;
        }

        if (inverted && onsetPinned)
        {
            covariance[o * p + o] = 0;
        }

        if (inverted && _orderKnown[window])
        {
            covariance[OrderIndex * p + OrderIndex] = 0;
        }

        return inverted;
    }

    /// <summary>
    /// Gives one window a quadratic prior W·(q − q₀)² on q = p − 1 (χ²/2 units), replacing the shared pull towards first order
    /// and the member's order anchor: for an order known up to an uncertainty σ, W = 1/(2σ²). The Laplace covariance includes
    /// its curvature. A weight of 0 removes it.
    /// </summary>
    public void SetOrderPrior(int window, double centre, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        _orderPriorCentre[window] = centre;
        _orderPriorWeight[window] = weight;
    }

    /// <summary>Sets whether the kinetic order of one window is known (pinned), so the Laplace covariance conditions on it.</summary>
    public void SetOrderKnown(int window, bool known) => _orderKnown[window] = known;

    /// <summary>Index of the order parameter softplus⁻¹(p − 1) in one window's θ.</summary>
    private const int OrderIndex = 1;

    /// <summary>Replaces row and column <paramref name="index"/> of the Hessian by a unit vector: the parameter is held fixed.</summary>
    private static void ConditionOn(Span<double> h, int p, int index)
    {
        for (var i = 0; i < p; i++)
        {
            h[i * p + index] = 0;
            h[index * p + i] = 0;
        }

        h[index * p + index] = 1;
    }

    /// <summary>Distance (in ln β or ln D₀) from a bound within which the parameter counts as pinned for the Laplace covariance.</summary>
    private const double PinnedTolerance = 1e-3;

    /// <summary>Whether one window's parameter <paramref name="value"/> at index <paramref name="index"/> sits at one of its box bounds.</summary>
    private bool AtBound(double value, int index) =>
        value >= _hazard.UpperBounds[index] - PinnedTolerance || value <= _hazard.LowerBounds[index] + PinnedTolerance;

    /// <summary>Dose at which the hazard prior is evaluated (set to the current dose before each refit).</summary>
    public double PriorDoseEA2 { get; set; } = 1;

    /// <summary>Total parameter count (windows × per-window parameters).</summary>
    public int ParameterCount => _windows * _hazard.ParameterCount;

    /// <summary>Loss and gradient (gradient is overwritten).</summary>
    public double Evaluate(ReadOnlySpan<double> theta, BinnedSeries data, Collocation collocation, Span<double> gradient)
    {
        gradient.Clear();
        var p = _hazard.ParameterCount;
        var loss = 0.0;
        for (var k = 0; k < _windows; k++)
        {
            var t = theta.Slice(k * p, p);
            var g = gradient.Slice(k * p, p);
            _hazard.Prepare(t, _coefficients, _dispersionFree[k]);
            loss += DataTerm(data, k, g);
            loss += PhysicsTerm(collocation, k, g);
            loss += PriorTerm(t, k, g);
        }

        foreach (var (more, less) in _ordering)
        {
            var violation = theta[less * p] - theta[more * p];
            if (violation > 0)
            {
                loss += _orderingWeight * violation * violation;
                gradient[less * p] += 2 * _orderingWeight * violation;
                gradient[more * p] -= 2 * _orderingWeight * violation;
            }
        }

        return loss;
    }

    /// <summary>
    /// Penalised loss of one window alone: χ²/2 of the data, <paramref name="residualFactor"/> × the kinetics residual, and
    /// the priors (the ordering priors, which couple windows, are left out; factor 1 gives the window's share of
    /// <see cref="Evaluate"/>). <paramref name="gradient"/> (length <see cref="MonotoneHazard.ParameterCount"/>) is scratch.
    /// </summary>
    public double WindowLoss(ReadOnlySpan<double> theta, BinnedSeries data, int window, Collocation collocation, Span<double> gradient, double residualFactor)
    {
        var p = _hazard.ParameterCount;
        var t = theta.Slice(window * p, p);
        gradient.Clear();
        _hazard.Prepare(t, _coefficients, _dispersionFree[window]);
        return DataTerm(data, window, gradient) + residualFactor * PhysicsTerm(collocation, window, gradient) + PriorTerm(t, window, gradient);
    }

    /// <summary>
    /// Reduced χ² of one window's fit on the bins (Σ n_b e_b²/σ² over bins − 4 degrees of freedom), at least 1. Its square
    /// root (Birge ratio) inflates the band when the fit does not describe the data within noise (lag or misspecification).
    /// </summary>
    public double ReducedChiSquare(ReadOnlySpan<double> theta, BinnedSeries data, int window)
    {
        var amplitudes = SolveAmplitudes(theta, data, window);
        var n = data.Count;
        if (n <= 4)
        {
            return 1;
        }

        var y = data.SignalsOf(window);
        var chi2 = 0.0;
        for (var b = 0; b < n; b++)
        {
            var e = amplitudes.Predict(_integrity[b]) - y[b];
            chi2 += data.FitWeight[window * data.Capacity + b] * e * e;
        }

        return Math.Max(1, chi2 / (n - 4));
    }

    /// <summary>Closed-form amplitudes of window <paramref name="window"/> for parameters θ on the given data.</summary>
    public Amplitudes SolveAmplitudes(ReadOnlySpan<double> theta, BinnedSeries data, int window)
    {
        var p = _hazard.ParameterCount;
        _hazard.Prepare(theta.Slice(window * p, p), _coefficients, _dispersionFree[window]);
        var n = data.Count;
        var integrity = _integrity.AsSpan(0, n);
        _hazard.Values(_coefficients, data.Dose.AsSpan(0, n), data.Coordinate.AsSpan(0, n), integrity);
        VectorKernels.ExpOfNegated(integrity);

        return AmplitudeSolver.Solve(data.FitWeightsOf(window), data.SignalsOf(window), _integrity.AsSpan(0, n), _nonNegativeAsymptote);
    }

    private double DataTerm(BinnedSeries data, int window, Span<double> gradient)
    {
        var n = data.Count;
        if (n < 2)
        {
            return 0;
        }

        var y = data.SignalsOf(window);
        var weights = data.FitWeightsOf(window);
        var integrity = _integrity.AsSpan(0, n);
        IntegrityAndGradient(data);
        var (sw, si, sii, sy, siy) = MomentSums(weights, integrity, y);
        var amplitudes = AmplitudeSolver.Solve(sw, si, sii, sy, siy, _nonNegativeAsymptote);
        var a = amplitudes.Amplitude;
        var sse = AmplitudeSolver.Ridge * sw * a * a;
        var factors = _factors.AsSpan(0, n);
        for (var b = 0; b < n; b++)
        {
            var e = amplitudes.Predict(integrity[b]) - y[b];
            sse += weights[b] * e * e;
            factors[b] = weights[b] * e * a;
        }

        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] += VectorKernels.Dot(factors, Column(i, n));
        }

        return 0.5 * sse;
    }

    /// <summary>
    /// Fills <c>_integrity</c> with I_b = exp(−Λ(D_b)) and the columns of <c>_integrityGradient</c> with ∂I_b/∂θᵢ = −I_b ∂Λ_b/∂θᵢ
    /// for the occupied bins, from the coefficients prepared for the current window.
    /// </summary>
    private void IntegrityAndGradient(BinnedSeries data)
    {
        var n = data.Count;
        var stride = _integrity.Length;
        var integrity = _integrity.AsSpan(0, n);
        _hazard.ValuesAndGradients(_coefficients, data.Dose.AsSpan(0, n), data.Coordinate.AsSpan(0, n), integrity, _integrityGradient, stride);
        VectorKernels.ExpOfNegated(integrity);
        for (var i = 0; i < _hazard.ParameterCount; i++)
        {
            VectorKernels.MultiplyNegated(_integrityGradient.AsSpan(i * stride, n), integrity);
        }
    }

    /// <summary>∂I/∂θᵢ over the first <paramref name="n"/> bins (after <see cref="IntegrityAndGradient"/>).</summary>
    private ReadOnlySpan<double> Column(int i, int n) => _integrityGradient.AsSpan(i * _integrity.Length, n);

    /// <summary>The weighted sums Σw, ΣwI, ΣwI², Σwy, ΣwIy of the 2×2 amplitude least squares.</summary>
    private static (double Sw, double Si, double Sii, double Sy, double Siy) MomentSums(ReadOnlySpan<double> w, ReadOnlySpan<double> integrity, ReadOnlySpan<double> y)
    {
        double sw = 0, si = 0, sii = 0, sy = 0, siy = 0;
        for (var b = 0; b < w.Length; b++)
        {
            var wi = w[b] * integrity[b];
            sw += w[b];
            si += wi;
            sii += wi * integrity[b];
            sy += w[b] * y[b];
            siy += wi * y[b];
        }

        return (sw, si, sii, sy, siy);
    }

    private double PhysicsTerm(Collocation collocation, int window, Span<double> gradient)
    {
        if (_physicsWeight == 0 || _hazard.HiddenUnits == 0)
        {
            return 0;
        }

        var count = collocation.Dose.Length;
        if (_residuals.Length != count)
        {
            _residuals = new double[count];
            _residualFactors = new double[count];
            _residualGradient = new double[count * _hazard.ParameterCount];
        }

        _hazard.ResidualsAndGradients(_coefficients, collocation.Dose, collocation.U, _residuals, _residualGradient, count);
        var weight = _physicsWeight / count;
        var loss = 0.0;
        for (var c = 0; c < count; c++)
        {
            var r = _residuals[c];
            var pointWeight = weight * PointScale(window, collocation.Dose[c]);
            loss += pointWeight * r * r;
            _residualFactors[c] = 2 * pointWeight * r;
        }

        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] += VectorKernels.Dot(_residualFactors, _residualGradient.AsSpan(i * count, count));
        }

        return loss;
    }

    private double PointScale(int window, double dose) => dose <= ObservedDoseEA2 ? _physicsScale[window] : 1;

    private double PriorTerm(ReadOnlySpan<double> theta, int window, Span<double> gradient)
    {
        var lambda = _hazard.ValueAndGradient(_coefficients, PriorDoseEA2, _hazard.U(PriorDoseEA2), _scratch);
        var loss = RatePriorWeight * lambda;
        for (var i = 0; i < theta.Length; i++)
        {
            gradient[i] += RatePriorWeight * _scratch[i];
        }

        if (_coefficients[4] != 0)
        {
            // Only where ln β is fitted: a frozen β (order-p branch) has no prior and a zero gradient.
            var dispersionOffset = theta[_hazard.DispersionIndex] - (DispersionAnchor ?? 0);
            loss += DispersionPriorWeight * dispersionOffset * dispersionOffset;
            gradient[_hazard.DispersionIndex] += 2 * DispersionPriorWeight * dispersionOffset;
        }

        if (_coefficients[6] != 0)
        {
            // Only where the onset is fitted: D₀ = exp(θ_onset), so the prior's gradient in ln D₀ is the prior itself.
            var onsetPrior = OnsetPriorWeight * _coefficients[5] / PriorDoseEA2;
            loss += onsetPrior;
            gradient[_hazard.OnsetIndex] += onsetPrior;
        }

        if (_orderPriorWeight[window] > 0)
        {
            // A window whose order is known up to an uncertainty: this member's own centre, replacing the shared pulls.
            var offset = _coefficients[1] - _orderPriorCentre[window];
            loss += _orderPriorWeight[window] * offset * offset;
            gradient[1] += 2 * _orderPriorWeight[window] * offset * _coefficients[2];
        }
        else if (OrderAnchor is { } anchor)
        {
            var offset = _coefficients[1] - anchor;
            loss += OrderAnchorWeight * offset * offset;
            gradient[1] += 2 * OrderAnchorWeight * offset * _coefficients[2];
        }
        else
        {
            loss += OrderPriorWeight * _coefficients[1];
            gradient[1] += OrderPriorWeight * _coefficients[2];
        }
        for (var j = 0; j < _hazard.HiddenUnits; j++)
        {
            var amplitude = Softplus.ValueAndSigmoid(theta[2 + 3 * j], out var sigma);
            loss += NetworkAmplitudeWeight * amplitude * amplitude;
            gradient[2 + 3 * j] += 2 * NetworkAmplitudeWeight * amplitude * sigma;
        }

        return loss;
    }
}

using EelsLive.Model.Binning;
using EelsLive.Model.Estimation;
using MathNet.Numerics.Distributions;

namespace EelsLive.Model.Physics;

/// <summary>
/// Physics-constrained online damage model: per window a monotone hazard (order-p kinetics plus a small monotone network, or
/// first-order dispersive kinetics when the data prefer it), closed-form amplitudes, kinetics residual beyond the current dose,
/// and an online-bagged ensemble for intervals.
/// </summary>
public sealed class PhysicsDamageModel : IDamageModel
{
    private const double MemberJitter = 0.5;
    private readonly ModelOptions _options;
    private readonly TimeProvider _time;
    private readonly MonotoneHazard _hazard;
    private readonly PhysicsObjective[] _objectives;
    private readonly BinStatistics _statistics;
    private readonly BinnedSeries[] _series;
    private readonly double[][] _theta;
    private readonly AdamOptimizer[] _optimizers;
    private readonly double[][] _gradients;
    private readonly ParallelOptions _parallel;
    private readonly double[] _relativeNoiseVariance;
    private readonly int[] _weights;
    private readonly PoissonWeightSource _random;
    private readonly Collocation _collocation;
    private readonly EnsembleLogHazardBand _band;
    private readonly EstimateBuilder _builder;
    private readonly string[] _names;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly KineticsBranchSelector? _selector;
    private readonly bool[] _orderGiven;
    private double _worstReducedChiSquare = 1;
    private readonly RefitWork _work;
    private long _framesAtLastRefit; // frames added since then are the work this refit catches up on (coalesced refits)

    /// <summary>Creates the model; options are validated against the window names.</summary>
    public PhysicsDamageModel(IReadOnlyList<string> windowNames, ModelOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(windowNames);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _names = [.. windowNames];
        var windows = _names.Length;
        var members = options.EnsembleSize + 1;
        var selection = options.KineticsSelection && !options.DispersiveKinetics;
        _hazard = new MonotoneHazard(options.HiddenUnits, options.ReferenceDoseEA2, options.DispersiveKinetics || selection, onset: selection && options.OnsetDose);
        var binning = new LogDoseBinning(options.MinBinDoseEA2, options.MaxBinDoseEA2, options.BinsPerDecade);
        _statistics = new BinStatistics(binning, members, windows);
        var ordering = options.OrderingPriors
            .Select(prior => (Array.IndexOf(_names, prior.MoreSensitive), Array.IndexOf(_names, prior.LessSensitive)))
            .ToArray();
        // One objective (it holds scratch buffers) and one gradient per member, so the members can be refitted in parallel.
        _objectives = new PhysicsObjective[members];
        _gradients = new double[members][];
        for (var m = 0; m < members; m++)
        {
            var ownPrior = m > 0 && options.SpreadMemberPriors; // the full-data fit (member 0) keeps the shared pulls
            _objectives[m] = new PhysicsObjective(_hazard, windows, binning.Count, options.PhysicsWeight, options.OrderingWeight, options.NonNegativeAsymptote, ordering)
            {
                OrderAnchor = ownPrior ? OrderAnchorOf(m, members) : null,
                OrderAnchorWeight = options.OrderAnchorWeight,
                DispersionAnchor = ownPrior ? DispersionAnchorOf(m, members) : null,
                DispersionPriorWeight = options.DispersionPriorWeight,
            };
        }

        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.RefitParallelism };
        _series = new BinnedSeries[members];
        _theta = new double[members][];
        _optimizers = new AdamOptimizer[members];
        _random = new PoissonWeightSource(unchecked((ulong)options.Seed));
        var p = _hazard.ParameterCount;
        for (var m = 0; m < members; m++)
        {
            _series[m] = new BinnedSeries(binning.Count, windows);
            _theta[m] = new double[windows * p];
            _optimizers[m] = new AdamOptimizer(windows * p, options.LearningRate);
            var jitter = m == 0 ? 0 : MemberJitter;
            for (var k = 0; k < windows; k++)
            {
                _hazard.Initialize(_theta[m].AsSpan(k * p, p), options.InitialDoseScaleEA2, _random.NextGaussian, jitter, options.DispersiveKinetics);
            }
        }

        _lower = Tile(_hazard.LowerBounds, windows);
        _upper = Tile(_hazard.UpperBounds, windows);
        for (var m = 0; m < members; m++)
        {
            _gradients[m] = new double[windows * p];
        }

        _relativeNoiseVariance = new double[windows];
        _weights = new int[members];
        _collocation = new Collocation(options.CollocationPoints);
        var inflation = StudentT.InvCDF(0, 1, options.EnsembleSize, 0.95) / Gaussian.Z90;
        _band = new EnsembleLogHazardBand(_hazard, members, windows, inflation) { Scale = options.BandScale };
        _builder = new EstimateBuilder(options);
        _work = new RefitWork(options.MaxFramesPerRefit, options.RefitTimeBudget);
        if (selection)
        {
            _selector = new KineticsBranchSelector(_hazard, windows, binning.Count, options, ordering);
            _selector.Attach(_theta, _lower, _upper, _objectives, _band);
        }

        _orderGiven = new bool[windows];
        foreach (var known in options.KnownOrders)
        {
            var k = Array.IndexOf(_names, known.Window);
            if (known.IsExact)
            {
                PinOrder(k, known.Order);
            }
            else
            {
                HoldOrder(k, known.Order, known.Uncertainty);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> WindowNames => _names;

    /// <inheritdoc />
    public long FrameCount { get; private set; }

    /// <summary>Frames ignored because the dose or a signal was not finite (or the dose negative).</summary>
    public long RejectedFrameCount { get; private set; }

    /// <inheritdoc />
    public ILogHazardBand Band => _band;

    /// <summary>Largest reduced χ² over the windows after the last refit (≥ 1).</summary>
    public double WorstReducedChiSquare => _worstReducedChiSquare;

    /// <summary>Adam steps taken by the full-data fit.</summary>
    public long OptimizerSteps => _optimizers[0].Steps;

    /// <summary>Current rate constant k of a window in the full-data fit ((e/Å²)⁻¹).</summary>
    public double RateOf(int window) => MonotoneHazard.Rate(_theta[0].AsSpan(window * _hazard.ParameterCount));

    /// <summary>Current kinetic order p of a window in the full-data fit.</summary>
    public double OrderOf(int window) => MonotoneHazard.Order(_theta[0].AsSpan(window * _hazard.ParameterCount));

    /// <summary>Current dispersion exponent β of a window in the full-data fit (1 = classical order-p kinetics).</summary>
    public double DispersionOf(int window) => _hazard.Dispersion(_theta[0].AsSpan(window * _hazard.ParameterCount, _hazard.ParameterCount));

    /// <summary>Kinetics branch of a window (always <see cref="KineticsBranch.OrderP"/> when selection is off).</summary>
    public KineticsBranch BranchOf(int window) => _selector?.BranchOf(window) ?? KineticsBranch.OrderP;

    /// <inheritdoc />
    public void Add(double doseMidEA2, ReadOnlySpan<double> signals)
    {
        if (signals.Length != _names.Length)
        {
            throw new ArgumentException($"Expected {_names.Length} signals ({string.Join(", ", _names)}), got {signals.Length}.", nameof(signals));
        }

        if (!double.IsFinite(doseMidEA2) || doseMidEA2 < 0 || !AllFinite(signals))
        {
            RejectedFrameCount++;
            return;
        }

        _weights[0] = 1;
        for (var m = 1; m < _weights.Length; m++)
        {
            _weights[m] = _random.NextPoissonOne();
        }

        _statistics.Add(doseMidEA2, signals, _weights);
        FrameCount++;
    }

    /// <inheritdoc />
    public ModelSnapshot Refit(double currentDoseEA2)
    {
        var started = _time.GetTimestamp();
        var dose = double.IsFinite(currentDoseEA2) ? Math.Max(currentDoseEA2, 0) : 0;
        for (var k = 0; k < _names.Length; k++)
        {
            _relativeNoiseVariance[k] = _statistics.RelativeNoiseVariance(k);
        }

        foreach (var objective in _objectives)
        {
            objective.PriorDoseEA2 = Math.Max(dose, _options.MinBinDoseEA2);
            objective.ObservedDoseEA2 = dose;
        }

        if (_selector is not null)
        {
            _selector.Objective.PriorDoseEA2 = _objectives[0].PriorDoseEA2;
            _selector.Objective.ObservedDoseEA2 = dose;
        }

        var horizon = _builder.Horizon(dose);
        _collocation.Place(Math.Min(_options.MinBinDoseEA2, horizon / 100), horizon, _hazard);
        var baseIterations = _worstReducedChiSquare > _options.CatchUpChiSquare ? _options.CatchUpIterationsPerRefit : _options.IterationsPerRefit;
        var iterations = _work.Steps(baseIterations, FrameCount - _framesAtLastRefit);
        _framesAtLastRefit = FrameCount;
        var stepsStarted = _time.GetTimestamp();
        if (_options.RefitParallelism > 1)
        {
            Parallel.For(0, _theta.Length, _parallel, m => RefitMember(m, iterations));
        }
        else
        {
            for (var m = 0; m < _theta.Length; m++)
            {
                RefitMember(m, iterations);
            }
        }

        _work.Measured(iterations, _time.GetElapsedTime(stepsStarted));
        if (_selector is not null)
        {
            for (var k = 0; k < _names.Length; k++)
            {
                if (!_orderGiven[k] && Math.Abs(_statistics.ChangeZ(k, _relativeNoiseVariance[k])) >= _options.ChangeSignificanceZ)
                {
                    _selector.Select(k, _series[0], _collocation, _theta, _optimizers, _lower, _upper, _objectives, _band);
                }
            }

            _selector.LoadAlternatives(_band);
        }

        var objective0 = _objectives[0];
        var estimates = new WindowEstimate[_names.Length];
        _worstReducedChiSquare = 1;
        for (var k = 0; k < _names.Length; k++)
        {
            _band.SetCovarianceValid(k, objective0.Covariance(_theta[0], _series[0], k, _collocation, _band.CovarianceOf(k)));
            var reducedChiSquare = objective0.ReducedChiSquare(_theta[0], _series[0], k);
            _worstReducedChiSquare = Math.Max(_worstReducedChiSquare, reducedChiSquare);
            _band.SetMisfitInflation(k, reducedChiSquare);
            foreach (var objective in _objectives)
            {
                objective.SetPhysicsScale(k, _options.AdaptivePhysicsWeight ? 1 / reducedChiSquare : 1);
            }

            _selector?.Objective.SetPhysicsScale(k, _options.AdaptivePhysicsWeight ? 1 / reducedChiSquare : 1);

            var amplitudes = objective0.SolveAmplitudes(_theta[0], _series[0], k);
            var changeZ = _statistics.ChangeZ(k, _relativeNoiseVariance[k]);
            estimates[k] = _builder.Build(_band, k, _names[k], dose, amplitudes, changeZ) with
            {
                ReducedChiSquare = reducedChiSquare,
                Unexplained = reducedChiSquare >= _options.UnexplainedChiSquare && Math.Abs(changeZ) >= _options.ChangeSignificanceZ,
                Kinetics = LawOf(k),
            };
        }

        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
        return new ModelSnapshot(estimates, dose, FrameCount, _options.Threshold, _options.LeadDoseEA2, elapsed);
    }

    /// <summary>The law window <paramref name="k"/>'s full-data fit follows, with its fitted order or stretching exponent.</summary>
    private KineticsLaw LawOf(int k) => BranchOf(k) == KineticsBranch.Dispersive
        ? KineticsLaw.Stretched(DispersionOf(k)) with { OnsetEA2 = OnsetOf(k) }
        : KineticsLaw.OrderP(OrderOf(k)) with { Beta = _options.DispersiveKinetics ? DispersionOf(k) : null };

    /// <summary>
    /// The onset dose D₀ of window <paramref name="k"/>'s full-data fit in e/Å², or null when its onset is not fitted or sits
    /// below <see cref="MonotoneHazard.NegligibleOnsetEA2"/>: no incubation worth naming.
    /// </summary>
    public double? OnsetOf(int k)
    {
        if (!_hazard.HasOnset || BranchOf(k) != KineticsBranch.Dispersive)
        {
            return null;
        }

        var onset = _hazard.Onset(_theta[0].AsSpan(k * _hazard.ParameterCount, _hazard.ParameterCount));
        return onset >= MonotoneHazard.NegligibleOnsetEA2 ? onset : null;
    }

    /// <summary>
    /// Fixes the exact kinetic order of window <paramref name="k"/> for every member (its box bounds and θ) and tells the objectives
    /// to condition on it; the window is then never offered to the kinetics selection, so it stays on order-p kinetics.
    /// </summary>
    private void PinOrder(int k, double order)
    {
        var p = _hazard.ParameterCount;
        foreach (var theta in _theta)
        {
            _hazard.PinOrder(order, _lower.AsSpan(k * p, p), _upper.AsSpan(k * p, p), theta.AsSpan(k * p, p));
        }

        foreach (var objective in _objectives)
        {
            objective.SetOrderKnown(k, true);
        }

        _orderGiven[k] = true;
    }

    /// <summary>
    /// Gives window <paramref name="k"/> a Gaussian prior on its order (centre <paramref name="order"/>, standard deviation
    /// <paramref name="uncertainty"/>): the full-data fit is pulled towards the given order, each bagged member towards its
    /// own quantile of that prior (as the spread member priors do over the whole order range), and every fit starts there.
    /// The window is never offered to the kinetics selection.
    /// </summary>
    private void HoldOrder(int k, double order, double uncertainty)
    {
        var p = _hazard.ParameterCount;
        var members = _theta.Length;
        var weight = 1 / (2 * uncertainty * uncertainty);
        for (var m = 0; m < members; m++)
        {
            var z = m == 0 ? 0 : Normal.InvCDF(0, 1, (m - 0.5) / (members - 1));
            var centre = Math.Clamp(order - 1 + uncertainty * z, 0, MonotoneHazard.MaxOrder - 1);
            _objectives[m].SetOrderPrior(k, centre, weight);
            _theta[m][k * p + 1] = Math.Clamp(Softplus.Inverse(Math.Max(centre, 1e-6)), _lower[k * p + 1], _upper[k * p + 1]);
        }

        _orderGiven[k] = true;
    }

    /// <summary>Warm-started refit of one ensemble member on its own bootstrap-weighted bins; members share no mutable state.</summary>
    private void RefitMember(int m, int iterations)
    {
        var series = _series[m];
        _statistics.Collect(m, series);
        _hazard.Coordinates(series.Dose.AsSpan(0, series.Count), series.Coordinate);

        for (var k = 0; k < _names.Length; k++)
        {
            series.ComputeFitWeights(k, _relativeNoiseVariance[k], _options.SystematicRelativeError);
        }

        if (series.Count >= 2)
        {
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                _objectives[m].Evaluate(_theta[m], series, _collocation, _gradients[m]);
                _optimizers[m].Step(_theta[m], _gradients[m], _lower, _upper);
            }

            if (m == 0)
            {
                _selector?.RefitShadow(series, _collocation, iterations);
            }
        }

        _band.Load(m, _theta[m]);
    }

    /// <summary>
    /// The prior centre q = p − 1 of bagged member <paramref name="m"/> (1 … members − 1): the orders are spread evenly over
    /// the allowed range [1, <see cref="MonotoneHazard.MaxOrder"/>] at the midpoints of equal strata, so that while the data
    /// cannot tell the kinetic order apart the members sit along that ridge instead of all at p = 1.
    /// </summary>
    internal static double OrderAnchorOf(int m, int members) => (MonotoneHazard.MaxOrder - 1) * (m - 0.5) / (members - 1);

    /// <summary>
    /// The prior centre ln β of bagged member <paramref name="m"/> on the dispersive branch, spread evenly over
    /// [ln <see cref="MonotoneHazard.MinDispersion"/>, 0] in the same strata: the member with the highest order centre has
    /// the most stretched decay, both being the "slow tail, low final signal" reading of the same data.
    /// </summary>
    internal static double DispersionAnchorOf(int m, int members) => Math.Log(MonotoneHazard.MinDispersion) * (m - 0.5) / (members - 1);

    private static double[] Tile(double[] perWindow, int windows)
    {
        var p = perWindow.Length;
        var all = new double[windows * p];
        for (var k = 0; k < windows; k++)
        {
            Array.Copy(perWindow, 0, all, k * p, p);
        }

        return all;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}

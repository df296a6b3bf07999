using EelsLive.Model.Binning;

namespace EelsLive.Model.Physics;

/// <summary>
/// Chooses each window's kinetics law by penalised likelihood: keeps a warm-started full-data shadow fit of every window on
/// the branch it is not on, and switches a window (all ensemble members) when the shadow's penalised loss (with the kinetics
/// residual counted <see cref="ResidualCharge"/> times) is lower by more than the margin. The margin doubles with each switch
/// of a window, so two laws that the data cannot tell apart do not trade places refit after refit.
/// </summary>
public sealed class KineticsBranchSelector
{
    /// <summary>
    /// Factor on the kinetics residual in the comparison (the fits themselves use 1). The residual is what the order-p
    /// branch pays for network hazard; counting it twice charges that flexibility when the other law explains the data
    /// without it (the dispersive branch has no network, so its residual is zero). With 1, the C–O windows of stretched
    /// validation sessions stayed on order-p (loss difference 0.2–0.35; median D50 error 5.0% instead of 1.9%); with 3,
    /// low-contrast order-p windows moved to the dispersive branch (orderp 8.1% → 9.5%).
    /// </summary>
    public const double ResidualCharge = 2;

    private readonly MonotoneHazard _hazard;
    private readonly int _windows;
    private readonly double _margin;
    private readonly KineticsBranch[] _branch;
    private readonly int[] _switches;
    private readonly double[] _otherLawWeight;
    private readonly double[] _theta;
    private readonly double[] _gradient;
    private readonly double[] _lastOnsetSearchDose;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _scratch;
    private readonly AdamOptimizer _optimizer;
    private readonly PhysicsObjective _objective;

    /// <summary>Creates the selector with every window on <see cref="KineticsBranch.OrderP"/> and its shadow on the other branch.</summary>
    public KineticsBranchSelector(MonotoneHazard hazard, int windows, int binCapacity, ModelOptions options, IReadOnlyList<(int More, int Less)> ordering)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hazard = hazard;
        _windows = windows;
        _margin = options.KineticsSelectionMargin;
        var p = hazard.ParameterCount;
        _branch = new KineticsBranch[windows];
        _switches = new int[windows];
        _lastOnsetSearchDose = new double[windows];
        _otherLawWeight = new double[windows];
        _theta = new double[windows * p];
        _gradient = new double[windows * p];
        _lower = new double[windows * p];
        _upper = new double[windows * p];
        _scratch = new double[p];
        _optimizer = new AdamOptimizer(windows * p, options.LearningRate);
        _objective = new PhysicsObjective(hazard, windows, binCapacity, options.PhysicsWeight, options.OrderingWeight, options.NonNegativeAsymptote, ordering)
        {
            DispersionPriorWeight = options.DispersionPriorWeight,
        };
        for (var k = 0; k < windows; k++)
        {
            var window = _theta.AsSpan(k * p, p);
            hazard.Initialize(window, options.InitialDoseScaleEA2, static () => 0, 0, jitterDispersion: false);
            SetShadowBranch(k, KineticsBranch.Dispersive);
            ClampShadow(k);
        }
    }

    /// <summary>Objective of the shadow fit (its prior and observed doses are set with the members').</summary>
    public PhysicsObjective Objective => _objective;

    /// <summary>Kinetics branch of the main fit of a window.</summary>
    public KineticsBranch BranchOf(int window) => _branch[window];

    /// <summary>
    /// The loss advantage the shadow needs before window <paramref name="window"/> switches: the margin, doubled for each
    /// earlier switch of that window. On single-exponential data both laws fit equally well; with a fixed margin the
    /// windows of a long session switched on most refits (2,579 switches in 3,000 refits after frame 100,000, each
    /// restarting the ensemble's members), which doubled the refit time for nothing.
    /// </summary>
    public double MarginOf(int window) => _margin * Math.Pow(2, Math.Min(_switches[window], MaxMarginDoublings));

    /// <summary>Doublings after which the margin stops growing (2¹⁶ × 0.75 is far beyond any loss difference seen).</summary>
    private const int MaxMarginDoublings = 16;

    /// <summary>
    /// Onset doses tried for a shadow on the stretched branch, as fractions of the current dose (see <see cref="SearchOnset"/>).
    /// </summary>
    private static readonly double[] OnsetFractions = [0.1, 0.2, 0.35, 0.5, 0.7];

    /// <summary>
    /// A window's shadow onset is searched again once the current dose has grown by this factor since its last search: the
    /// tried onsets are fractions of the dose, so a search at a dose less than a tenth higher would try nearly the same ones.
    /// (Every 4th refit instead cost about 3 % of a settled refit for the whole session.)
    /// </summary>
    internal const double OnsetSearchDoseGrowth = 1.1;

    /// <summary>Loss improvement (χ²/2 units) a tried onset needs before the shadow takes it.</summary>
    private const double OnsetSearchGain = 4;

    /// <summary>Puts every window of the main fits (θ per member, bounds, objectives, band) on its current branch.</summary>
    public void Attach(double[][] theta, double[] lower, double[] upper, PhysicsObjective[] objectives, EnsembleLogHazardBand band)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(band);
        var p = _hazard.ParameterCount;
        for (var k = 0; k < _windows; k++)
        {
            _hazard.BranchBounds(_branch[k], lower.AsSpan(k * p, p), upper.AsSpan(k * p, p));
            foreach (var member in theta)
            {
                Clamp(member.AsSpan(k * p, p), lower.AsSpan(k * p, p), upper.AsSpan(k * p, p));
            }

            SetFlags(k, objectives, band);
        }
    }

    /// <summary>Warm-started Adam steps of the shadow fit on the full data (the member-0 bins).</summary>
    public void RefitShadow(BinnedSeries data, Collocation collocation, int iterations)
    {
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            _objective.Evaluate(_theta, data, collocation, _gradient);
            _optimizer.Step(_theta, _gradient, _lower, _upper);
        }
    }

    /// <summary>
    /// Compares the penalised loss of window <paramref name="window"/> on the main full-data fit (member 0) and on the shadow;
    /// if the shadow is better by more than <see cref="MarginOf"/>, the window changes branch: the two fits swap, every bagged member
    /// restarts from the new full-data fit, and the Adam moments move with the parameters. Returns true on a switch.
    /// </summary>
    public bool Select(int window, BinnedSeries data, Collocation collocation, double[][] theta, AdamOptimizer[] optimizers, double[] lower, double[] upper, PhysicsObjective[] objectives, EnsembleLogHazardBand band)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(band);
        if (data.Count < 2)
        {
            return false;
        }

        if (_branch[window] == KineticsBranch.OrderP && _hazard.HasOnset && _objective.PriorDoseEA2 >= OnsetSearchDoseGrowth * _lastOnsetSearchDose[window])
        {
            _lastOnsetSearchDose[window] = _objective.PriorDoseEA2;
            SearchOnset(window, data, collocation);
        }

        var p = _hazard.ParameterCount;
        var main = objectives[0].WindowLoss(theta[0], data, window, collocation, _scratch, ResidualCharge) + OnsetCharge(theta[0].AsSpan(window * p, p));
        var shadow = _objective.WindowLoss(_theta, data, window, collocation, _scratch, ResidualCharge) + OnsetCharge(_theta.AsSpan(window * p, p));
        if (!(shadow < main - MarginOf(window)))
        {
            _otherLawWeight[window] = PosteriorWeight(shadow - main);
            return false;
        }

        _otherLawWeight[window] = PosteriorWeight(main - shadow);

        _switches[window]++;

        var slice = _theta.AsSpan(window * p, p);
        slice.CopyTo(_scratch);
        theta[0].AsSpan(window * p, p).CopyTo(slice);
        _scratch.CopyTo(theta[0].AsSpan(window * p, p));
        for (var m = 1; m < theta.Length; m++)
        {
            _scratch.CopyTo(theta[m].AsSpan(window * p, p));
        }

        // The optimiser state goes with the parameters it belongs to. Resetting it instead made the next Adam step a full
        // learning-rate step in every parameter, which raised the new fit's loss above the old one's, and the window switched
        // straight back.
        optimizers[0].ExchangeMoments(_optimizer, window * p, p);
        for (var m = 1; m < optimizers.Length; m++)
        {
            optimizers[0].CopyMomentsTo(optimizers[m], window * p, p);
        }
        _branch[window] = _branch[window] == KineticsBranch.OrderP ? KineticsBranch.Dispersive : KineticsBranch.OrderP;
        _hazard.BranchBounds(_branch[window], lower.AsSpan(window * p, p), upper.AsSpan(window * p, p));
        SetShadowBranch(window, _branch[window] == KineticsBranch.OrderP ? KineticsBranch.Dispersive : KineticsBranch.OrderP);
        ClampShadow(window);
        SetFlags(window, objectives, band);
        for (var m = 0; m < theta.Length; m++)
        {
            band.Load(m, theta[m]);
        }

        return true;
    }

    /// <summary>
    /// What an onset costs a fit in the comparison of the two laws (χ²/2 units): <see cref="OnsetSelectionCharge"/> when the
    /// window's onset dose is at least <see cref="MonotoneHazard.NegligibleOnsetEA2"/>, else nothing. The onset is one more
    /// free parameter, and its prior is weak; without the charge an onset of a few tens of e/Å² fitted to noise let a
    /// single-exponential window change law (validation: exponential seed 3 C–C at 2,085 e/Å²).
    /// </summary>
    private double OnsetCharge(ReadOnlySpan<double> windowTheta) =>
        _hazard.HasOnset && _hazard.Onset(windowTheta) >= MonotoneHazard.NegligibleOnsetEA2 ? OnsetSelectionCharge : 0;

    /// <summary>The penalised-loss charge of a fitted onset in the comparison of the two laws (one parameter, as in AIC/2).</summary>
    public const double OnsetSelectionCharge = 1;

    /// <summary>
    /// Tries onset doses for a window's shadow on the stretched branch, the other parameters held, and keeps the best if it
    /// lowers the shadow's loss by <see cref="OnsetSearchGain"/>. This is the only way an onset leaves its floor: there it is
    /// off, with a zero gradient (<see cref="MonotoneHazard.Prepare(ReadOnlySpan{double}, Span{double}, bool)"/>), and even
    /// just above it the loss is flat in ln D₀ (an onset of 1 e/Å² shifts nothing), although an onset of a few hundred e/Å²
    /// lowers χ²/2 by tens on two-stage data. From a placed onset Adam refines it.
    /// </summary>
    private void SearchOnset(int window, BinnedSeries data, Collocation collocation)
    {
        var p = _hazard.ParameterCount;
        var index = window * p + _hazard.OnsetIndex;
        var current = _theta[index];
        var bestLoss = _objective.WindowLoss(_theta, data, window, collocation, _scratch, ResidualCharge) - OnsetSearchGain;
        var best = current;
        foreach (var fraction in OnsetFractions)
        {
            var candidate = Math.Clamp(Math.Log(fraction * _objective.PriorDoseEA2), _lower[index], _upper[index]);
            _theta[index] = candidate;
            var loss = _objective.WindowLoss(_theta, data, window, collocation, _scratch, ResidualCharge);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = candidate;
            }
        }

        _theta[index] = best;
        if (best != current)
        {
            _optimizer.ResetMoments(index, 1);
        }
    }

    /// <summary>
    /// Loads every window's shadow (the fit under the other law) into the band with that law's posterior weight, so the band
    /// includes the uncertainty about which law holds (see <see cref="EnsembleLogHazardBand.LoadAlternative"/>).
    /// </summary>
    public void LoadAlternatives(EnsembleLogHazardBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        var p = _hazard.ParameterCount;
        for (var k = 0; k < _windows; k++)
        {
            band.LoadAlternative(k, _theta.AsSpan(k * p, p), _branch[k] == KineticsBranch.OrderP, _otherLawWeight[k]);
        }
    }

    /// <summary>Posterior weight of the other law in a two-law mixture with equal prior odds, from its excess penalised loss (χ²/2 units).</summary>
    internal static double PosteriorWeight(double excessLoss) => double.IsNaN(excessLoss) ? 0 : 1 / (1 + Math.Exp(excessLoss));

    private void SetShadowBranch(int window, KineticsBranch branch)
    {
        var p = _hazard.ParameterCount;
        _hazard.BranchBounds(branch, _lower.AsSpan(window * p, p), _upper.AsSpan(window * p, p));
        _objective.SetDispersionFree(window, branch == KineticsBranch.Dispersive);
    }

    private void SetFlags(int window, PhysicsObjective[] objectives, EnsembleLogHazardBand band)
    {
        var free = _branch[window] == KineticsBranch.Dispersive;
        foreach (var objective in objectives)
        {
            objective.SetDispersionFree(window, free);
        }

        band.SetDispersionFree(window, free);
    }

    private void ClampShadow(int window)
    {
        var p = _hazard.ParameterCount;
        Clamp(_theta.AsSpan(window * p, p), _lower.AsSpan(window * p, p), _upper.AsSpan(window * p, p));
    }

    private static void Clamp(Span<double> theta, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            theta[i] = Math.Clamp(theta[i], lower[i], upper[i]);
        }
    }
}

namespace EelsLive.Model;

/// <summary>Validated settings shared by the physics-constrained and the classical damage models.</summary>
public sealed record ModelOptions
{
    /// <summary>Default window names, in pipeline order: π–π* 1–3 eV, C–C 4–7 eV, C–O 10–15 eV, M–O 20–25 eV.</summary>
    public static IReadOnlyList<string> DefaultWindowNames { get; } = ["pi_pi", "c_c", "c_o", "m_o"];

    /// <summary>Integrity threshold θ in (0, 1) whose crossing is forecast.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Lead dose L (e/Å²): CrossProbability is P(integrity ≤ θ at current dose + L).</summary>
    public double LeadDoseEA2 { get; init; } = 200;

    /// <summary>Number of online-bagged ensemble members (physics model) besides the full-data fit.</summary>
    public int EnsembleSize { get; init; } = 8;

    /// <summary>Seed of the bootstrap weights and of the member initialisations.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Soft ordering priors k(more) ≥ k(less); every name must be one of the model's windows.</summary>
    public IReadOnlyList<OrderingPrior> OrderingPriors { get; init; } = [new OrderingPrior("c_o", "c_c")];

    /// <summary>
    /// Windows whose kinetic order p is known from earlier sessions of the same material (physics model; the classical model
    /// has no order). Such a window stays on order-p kinetics (it never switches to the stretched law) with k and the network
    /// free, and its order is either fixed (exact) or held by a Gaussian prior of the given uncertainty that the data can
    /// overrule. Default none: every order is estimated from the session.
    /// </summary>
    public IReadOnlyList<KnownOrder> KnownOrders { get; init; } = [];

    /// <summary>Adam iterations per refit and per ensemble member (physics model).</summary>
    public int IterationsPerRefit { get; init; } = 3;

    /// <summary>
    /// Upper bound of Adam iterations per refit, used instead of <see cref="IterationsPerRefit"/> while the previous fit of
    /// some window misfits its data (reduced χ² above <see cref="CatchUpChiSquare"/>), e.g. right after a sudden onset.
    /// </summary>
    public int CatchUpIterationsPerRefit { get; init; } = 12;

    /// <summary>
    /// Most frames whose optimisation work one refit does. A refit that follows n frames added since the previous one (refits
    /// coalesced while frames arrived faster than the model refits) runs min(n, this) times its iterations, so that the fit
    /// does the same work per frame as when every frame is refitted instead of lagging the data. Bounded, so that one refit
    /// stays short and the monitor never falls more than one refit behind. It is also the most frames the monitor lets share
    /// one refit: however fast frames arrive, it refits at least every this many frames. 1 turns both off (every frame is
    /// refitted, with its own work only).
    /// </summary>
    public int MaxFramesPerRefit { get; init; } = 16;

    /// <summary>
    /// Longest the Adam steps of one refit may take when it does the work of several frames (<see cref="MaxFramesPerRefit"/>),
    /// at the measured cost of a step; it never runs fewer than its base steps. When the machine cannot keep up, this keeps
    /// refits short and frequent instead of letting them grow with the backlog. Null (the default) for no limit, so that
    /// results never depend on the machine's speed; the live monitor sets <see cref="LiveRefitTimeBudget"/>. Refits after
    /// one frame are never limited.
    /// </summary>
    public TimeSpan? RefitTimeBudget { get; init; }

    /// <summary>
    /// The <see cref="RefitTimeBudget"/> of <c>monitor</c> and <c>demo</c>: a tenth of the web dashboard's fastest redraw
    /// interval (100 ms), so that estimates still change several times per redraw when refits are coalesced.
    /// </summary>
    public static TimeSpan LiveRefitTimeBudget { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Reduced χ² above which a refit uses <see cref="CatchUpIterationsPerRefit"/>.</summary>
    public double CatchUpChiSquare { get; init; } = 3;

    /// <summary>Adam learning rate (parameters are in log/softplus space, so this is a relative step).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Hidden units of the monotone hazard network per window.</summary>
    public int HiddenUnits { get; init; } = 3;

    /// <summary>
    /// Fit a dispersion exponent β ∈ [0.3, 1] of the kinetics, Λₖ = ln(1 + (p−1)(kD)^β)/(p−1) (dispersive order-p
    /// kinetics; p = 1 gives a stretched exponential). Off by default (β = 1, classical order-p kinetics): on the validation
    /// suite it fixes stretched decay (median D50 error 188% → 8%), but on single-exponential data short of the crossing
    /// it fits β &lt; 1 and forecasts the crossing too late (see docs/validation.md). When on, it replaces
    /// <see cref="KineticsSelection"/>, which fits β only in windows whose data prefer first-order dispersive kinetics.
    /// </summary>
    public bool DispersiveKinetics { get; init; }

    /// <summary>
    /// Select the kinetics law per window by penalised likelihood (default on; ignored when <see cref="DispersiveKinetics"/>
    /// is on). Every window starts on order-p kinetics with the monotone network; a full-data shadow fit of first-order
    /// dispersive kinetics (a stretched exponential: p = 1, β ≤ 1, no network) runs beside it, and the window switches to
    /// whichever branch has the lower penalised loss by more than <see cref="KineticsSelectionMargin"/>, once its signal
    /// change is significant (see docs/model.md; validation: stretched median D50 error 188% → 1.9%, other presets unchanged).
    /// </summary>
    public bool KineticsSelection { get; init; } = true;

    /// <summary>
    /// Let the kinetics selection's stretched-exponential branch start after a fitted onset dose D₀ (default on): an
    /// incubation, during which the feature is intact, followed by decay. The order-p branch and its network can only add
    /// hazard from D = 0 on, so they cannot describe an incubation (docs/validation.md, "Why the fit cannot follow an
    /// incubation"). D₀ is pulled towards zero by a prior <see cref="Physics.PhysicsObjective.OnsetPriorWeight"/>·D₀/D.
    /// Off gives the behaviour before 2026-12-07.
    /// </summary>
    public bool OnsetDose { get; init; } = true;

    /// <summary>Penalised-loss advantage (χ²/2 units) the other kinetics branch needs before a window switches to it.</summary>
    public double KineticsSelectionMargin { get; init; } = 0.75;

    /// <summary>Weight of the quadratic prior pulling ln β towards 0 (in χ²/2 units) when <see cref="DispersiveKinetics"/> is on.</summary>
    public double DispersionPriorWeight { get; init; } = 1;

    /// <summary>
    /// Give each bagged member its own prior centre on the kinetics (default on): the kinetic order pulled towards qₘ
    /// (q = p − 1, weight <see cref="OrderAnchorWeight"/>) and, on the dispersive branch, ln β pulled towards bₘ (weight
    /// <see cref="DispersionPriorWeight"/>), the centres spread evenly over q ∈ [0, MaxOrder − 1] and β ∈ [MinDispersion, 1]
    /// (a randomised prior, as in randomise-then-optimise sampling). Early in a decay the data hardly distinguish a fast
    /// first-order decay towards a high final signal from a slower high-order or stretched one (validation: Δχ²/2 &lt; 0.7
    /// between p = 1 and p = 4 at 465 e/Å² on order-2.5 data); with the one shared pull towards p = 1 (or β = 1) every member
    /// took the fast reading, the band missed the truth and windows were declared crossed early (4 in 36 validation sessions).
    /// The full-data fit, the centre of every estimate, keeps the shared pulls, so D50 and the default warnings (at p = 0.5
    /// they follow the centre) are unchanged; the band, and with it the critical alarm, reflects the unknown kinetics. Off
    /// gives the behaviour before 2026-11-25.
    /// </summary>
    public bool SpreadMemberPriors { get; init; } = true;

    /// <summary>Weight W (χ²/2 units) of a member's order prior W·(q − qₘ)² when <see cref="SpreadMemberPriors"/> is on; 0.5 is a prior standard deviation of 1 in q.</summary>
    public double OrderAnchorWeight { get; init; } = 0.5;

    /// <summary>
    /// Weight of the order-p kinetics residual penalty (in χ²/2 units). 5 after a sweep over 3–25 on the validation suite
    /// (12 seeds at 1×10⁶ and 1×10⁷ counts): fewer late warnings and early criticals than 3, and better interval cover.
    /// </summary>
    public double PhysicsWeight { get; init; } = 5;

    /// <summary>
    /// Divide the kinetics-residual weight inside the observed dose range by the window's reduced χ² of the previous refit,
    /// so data the order-p law cannot describe (incubation, strongly stretched decay) can buy network hazard where they are
    /// observed; beyond the current dose the residual keeps its full weight and forecasts stay order-p kinetics.
    /// </summary>
    public bool AdaptivePhysicsWeight { get; init; }

    /// <summary>Weight of the ordering-prior penalty (in χ²/2 units per squared log-rate violation).</summary>
    public double OrderingWeight { get; init; } = 10;

    /// <summary>Number of log-spaced collocation doses for the kinetics residual.</summary>
    public int CollocationPoints { get; init; } = 12;

    /// <summary>Collocation doses and forecasts extend to this multiple of the current dose.</summary>
    public double HorizonFactor { get; init; } = 10;

    /// <summary>Log-dose bins per decade of the sufficient statistics.</summary>
    public int BinsPerDecade { get; init; } = 8;

    /// <summary>Lower edge of the first log bin (e/Å²); all smaller doses share bin 0.</summary>
    public double MinBinDoseEA2 { get; init; } = 1;

    /// <summary>Upper edge of the last log bin (e/Å²); larger doses share the last bin.</summary>
    public double MaxBinDoseEA2 { get; init; } = 1e6;

    /// <summary>Reference dose of the network's log-dose coordinate u = ln(1 + D/Dref).</summary>
    public double ReferenceDoseEA2 { get; init; } = 100;

    /// <summary>Initial guess of the characteristic dose 1/k (e/Å²).</summary>
    public double InitialDoseScaleEA2 { get; init; } = 1000;

    /// <summary>Minimum |z| of the model-free signal change before a crossing can be forecast or declared.</summary>
    public double ChangeSignificanceZ { get; init; } = 3;

    /// <summary>
    /// Reduced χ² from which a window whose signal has changed significantly is flagged <see cref="WindowEstimate.Unexplained"/>
    /// (and warned about): the kinetics cannot describe its data, so its forecast is not to be trusted. Default 3; on the
    /// validation presets well-described windows stay below 2.5, while incubation (two-stage) data reach 3–36.
    /// </summary>
    public double UnexplainedChiSquare { get; init; } = 3;

    /// <summary>
    /// Probability that integrity is below θ required to declare <see cref="WindowEstimate.Crossed"/> (a latched critical
    /// alarm). 0.95 rather than 0.8: in validation 0.8 declared four windows crossed before they truly were, 0.95 two.
    /// </summary>
    public double CrossedConfidence { get; init; } = 0.95;

    /// <summary>
    /// Multiplies the standard deviation of the log-hazard band (after the Birge-ratio inflation). 1 keeps the band as
    /// built; values below 1 narrow a band that over-covers (see docs/validation.md).
    /// </summary>
    public double BandScale { get; init; } = 1;

    /// <summary>D50 is reported only when its 90% interval spans at most this ratio (hi/lo).</summary>
    public double MaxD50IntervalRatio { get; init; } = 4;

    /// <summary>Relative systematic error ε added in quadrature to every bin mean (caps the weight of very full bins).</summary>
    public double SystematicRelativeError { get; init; } = 5e-4;

    /// <summary>Constrain the asymptotic signal S∞ to be ≥ 0 (signals are normalised window integrals).</summary>
    public bool NonNegativeAsymptote { get; init; } = true;

    /// <summary>Maximum Levenberg–Marquardt iterations per refit and window (classical model).</summary>
    public int ClassicalMaxIterations { get; init; } = 30;

    /// <summary>
    /// Threads that refit the ensemble members of the physics model (default: half the processors, at least 1 and at most
    /// 4, leaving the rest to the receive and pipeline threads). The members are independent, so the estimates are
    /// identical for every setting; 1 refits them on the calling thread.
    /// </summary>
    public int RefitParallelism { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);


    /// <summary>Throws <see cref="ArgumentException"/> with a clear message if any setting is invalid.</summary>
    public void Validate()
    {
        Require(Threshold > 0 && Threshold < 1, nameof(Threshold), $"must be in (0, 1), was {Threshold}");
        Require(LeadDoseEA2 > 0 && double.IsFinite(LeadDoseEA2), nameof(LeadDoseEA2), $"must be positive and finite, was {LeadDoseEA2}");
        Require(EnsembleSize is >= 2 and <= 64, nameof(EnsembleSize), $"must be in [2, 64], was {EnsembleSize}");
        Require(IterationsPerRefit is >= 1 and <= 1000, nameof(IterationsPerRefit), $"must be in [1, 1000], was {IterationsPerRefit}");
        Require(CatchUpIterationsPerRefit >= IterationsPerRefit && CatchUpIterationsPerRefit <= 1000, nameof(CatchUpIterationsPerRefit), $"must be in [IterationsPerRefit, 1000], was {CatchUpIterationsPerRefit}");
        Require(RefitTimeBudget is null || RefitTimeBudget > TimeSpan.Zero, nameof(RefitTimeBudget), $"must be positive or null, was {RefitTimeBudget}");
        Require(MaxFramesPerRefit is >= 1 and <= 1000, nameof(MaxFramesPerRefit), $"must be in [1, 1000], was {MaxFramesPerRefit}");
        Require(CatchUpChiSquare >= 1 && !double.IsNaN(CatchUpChiSquare), nameof(CatchUpChiSquare), $"must be ≥ 1, was {CatchUpChiSquare}");
        Require(LearningRate > 0 && LearningRate <= 1, nameof(LearningRate), $"must be in (0, 1], was {LearningRate}");
        Require(HiddenUnits is >= 0 and <= 16, nameof(HiddenUnits), $"must be in [0, 16], was {HiddenUnits}");
        Require(PhysicsWeight >= 0 && double.IsFinite(PhysicsWeight), nameof(PhysicsWeight), $"must be ≥ 0 and finite, was {PhysicsWeight}");
        Require(OrderAnchorWeight >= 0 && double.IsFinite(OrderAnchorWeight), nameof(OrderAnchorWeight), $"must be ≥ 0 and finite, was {OrderAnchorWeight}");
        Require(DispersionPriorWeight >= 0 && double.IsFinite(DispersionPriorWeight), nameof(DispersionPriorWeight), $"must be ≥ 0 and finite, was {DispersionPriorWeight}");
        Require(KineticsSelectionMargin >= 0 && double.IsFinite(KineticsSelectionMargin), nameof(KineticsSelectionMargin), $"must be ≥ 0 and finite, was {KineticsSelectionMargin}");
        Require(BandScale > 0 && BandScale <= 10, nameof(BandScale), $"must be in (0, 10], was {BandScale}");
        Require(OrderingWeight >= 0 && double.IsFinite(OrderingWeight), nameof(OrderingWeight), $"must be ≥ 0 and finite, was {OrderingWeight}");
        Require(CollocationPoints is >= 2 and <= 256, nameof(CollocationPoints), $"must be in [2, 256], was {CollocationPoints}");
        Require(HorizonFactor >= 1.5 && double.IsFinite(HorizonFactor), nameof(HorizonFactor), $"must be ≥ 1.5, was {HorizonFactor}");
        Require(BinsPerDecade is >= 1 and <= 64, nameof(BinsPerDecade), $"must be in [1, 64], was {BinsPerDecade}");
        Require(MinBinDoseEA2 > 0 && double.IsFinite(MinBinDoseEA2), nameof(MinBinDoseEA2), $"must be positive, was {MinBinDoseEA2}");
        Require(MaxBinDoseEA2 > MinBinDoseEA2 * 10 && double.IsFinite(MaxBinDoseEA2), nameof(MaxBinDoseEA2), $"must exceed 10 × MinBinDoseEA2, was {MaxBinDoseEA2}");
        Require(ReferenceDoseEA2 > 0 && double.IsFinite(ReferenceDoseEA2), nameof(ReferenceDoseEA2), $"must be positive, was {ReferenceDoseEA2}");
        Require(InitialDoseScaleEA2 > 0 && double.IsFinite(InitialDoseScaleEA2), nameof(InitialDoseScaleEA2), $"must be positive, was {InitialDoseScaleEA2}");
        Require(SystematicRelativeError >= 0 && SystematicRelativeError < 0.1, nameof(SystematicRelativeError), $"must be in [0, 0.1), was {SystematicRelativeError}");
        Require(UnexplainedChiSquare > 1 && !double.IsNaN(UnexplainedChiSquare), nameof(UnexplainedChiSquare), $"must be > 1, was {UnexplainedChiSquare}");
        Require(RefitParallelism >= 1, nameof(RefitParallelism), $"must be ≥ 1, was {RefitParallelism}");
        Require(ChangeSignificanceZ >= 0 && double.IsFinite(ChangeSignificanceZ), nameof(ChangeSignificanceZ), $"must be ≥ 0, was {ChangeSignificanceZ}");
        Require(CrossedConfidence is > 0 and < 1, nameof(CrossedConfidence), $"must be in (0, 1), was {CrossedConfidence}");
        Require(MaxD50IntervalRatio > 1 && double.IsFinite(MaxD50IntervalRatio), nameof(MaxD50IntervalRatio), $"must be > 1, was {MaxD50IntervalRatio}");
        Require(ClassicalMaxIterations is >= 1 and <= 1000, nameof(ClassicalMaxIterations), $"must be in [1, 1000], was {ClassicalMaxIterations}");
        Require(OrderingPriors is not null, nameof(OrderingPriors), "must not be null");
        foreach (var prior in OrderingPriors!)
        {
            Require(prior is not null && prior.MoreSensitive != prior.LessSensitive, nameof(OrderingPriors), "pairs must name two different windows");
        }

        Require(KnownOrders is not null, nameof(KnownOrders), "must not be null");
        foreach (var known in KnownOrders!)
        {
            Require(known is not null && !string.IsNullOrWhiteSpace(known.Window), nameof(KnownOrders), "entries must name a window");
            Require(KnownOrder.IsAllowed(known!.Order), nameof(KnownOrders), $"order of '{known.Window}' must be between 1 and {KnownOrder.MaxOrder}, was {known.Order}");
            Require(KnownOrder.IsAllowedUncertainty(known.Uncertainty), nameof(KnownOrders), $"uncertainty of the order of '{known.Window}' must be between 0 and {KnownOrder.MaxUncertainty}, was {known.Uncertainty}");
        }

        Require(KnownOrders.Select(k => k.Window).Distinct(StringComparer.Ordinal).Count() == KnownOrders.Count, nameof(KnownOrders), "must name each window at most once");
    }

    /// <summary>Validates the options against a concrete window list (ordering priors must name existing windows).</summary>
    public void Validate(IReadOnlyList<string> windowNames)
    {
        Validate();
        ArgumentNullException.ThrowIfNull(windowNames);
        if (windowNames.Count == 0)
        {
            throw new ArgumentException("At least one window is required.", nameof(windowNames));
        }

        if (windowNames.Distinct(StringComparer.Ordinal).Count() != windowNames.Count || windowNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Window names must be non-empty and unique.", nameof(windowNames));
        }

        foreach (var prior in OrderingPriors)
        {
            foreach (var name in new[] { prior.MoreSensitive, prior.LessSensitive })
            {
                if (!windowNames.Contains(name))
                {
                    throw new ArgumentException(
                        $"Ordering prior ({prior.MoreSensitive} ≥ {prior.LessSensitive}) names window '{name}', which is not one of [{string.Join(", ", windowNames)}]; set {nameof(OrderingPriors)} accordingly.",
                        nameof(OrderingPriors));
                }
            }
        }

        foreach (var known in KnownOrders)
        {
            if (!windowNames.Contains(known.Window))
            {
                throw new ArgumentException(
                    $"Known kinetic order {known} names window '{known.Window}', which is not one of [{string.Join(", ", windowNames)}]; set {nameof(KnownOrders)} accordingly.",
                    nameof(KnownOrders));
            }
        }
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(ModelOptions)}.{name} {message}.", name);
        }
    }
}

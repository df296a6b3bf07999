namespace EelsLive.Cli.Validation;

/// <summary>How the monitor did on one window of one scenario, judged against the simulator's ground truth.</summary>
/// <param name="Name">Window name.</param>
/// <param name="TrueD50">True half-integrity dose, or null when the window never halves.</param>
/// <param name="TrueCrossDose">True dose of the threshold crossing, or null when it is beyond the session.</param>
/// <param name="FinalD50">The monitor's D50 at the last frame, or null when it said "not yet estimable".</param>
/// <param name="FinalD50Covered">True D50 inside the final D50 interval (null when D50 is not relevant).</param>
/// <param name="IntegrityChecks">Checkpoints where an integrity interval was given.</param>
/// <param name="IntegrityCovered">Of those, how many contained the true integrity.</param>
/// <param name="FirstWarningDose">Dose of the first warning (or critical) for this window, or null.</param>
/// <param name="IsAlarmWindow">True when the window can raise alarms.</param>
/// <param name="FirstCriticalDose">Dose at which this window was first declared crossed (critical), or null.</param>
internal sealed record WindowOutcome(
    string Name,
    double? TrueD50,
    double? TrueCrossDose,
    double? FinalD50,
    bool? FinalD50Covered,
    int IntegrityChecks,
    int IntegrityCovered,
    double? FirstWarningDose,
    bool IsAlarmWindow,
    double? FirstCriticalDose = null)
{
    /// <summary>
    /// Dose at which the warning (or critical) that was in force at the first frame at or past the true crossing began, or
    /// null when no alarm was in force then: a warning raised early and cleared before the crossing does not count.
    /// </summary>
    public double? WarningAtCrossingSince { get; init; }

    /// <summary>Checkpoints where a bounded 90% interval of the crossing dose was given (the window crosses θ at some dose).</summary>
    public int CrossIntervalChecks { get; init; }

    /// <summary>Of those, how many contained the true crossing dose.</summary>
    public int CrossIntervalCovered { get; init; }

    /// <summary>Checkpoints where only a "not before" dose of the crossing was given.</summary>
    public int NotBeforeChecks { get; init; }

    /// <summary>Of those, how many were at or below the true crossing dose.</summary>
    public int NotBeforeHonest { get; init; }

    /// <summary>
    /// D50 of a least-squares fit of the true kinetics family to the same frames (<see cref="ReferenceFit.TrueFamilyD50"/>): what
    /// the data say when the form of the decay is known. Null when not computed or the window has no D50.
    /// </summary>
    public double? TrueFamilyFitD50 { get; init; }

    /// <summary>
    /// D50 of the least-squares fit of the kinetics family the same frames favour (<see cref="ReferenceFit.BestFamily"/>): what
    /// the data say to an analyst who does not know the form. Null when not computed.
    /// </summary>
    public double? BestFamilyFitD50 { get; init; }

    /// <summary>The family of <see cref="BestFamilyFitD50"/>, e.g. <c>order_p</c>.</summary>
    public string? BestFamily { get; init; }

    /// <summary>True when a warning raised before the true crossing was still in force at the crossing.</summary>
    public bool WarnedThroughCrossing => TrueCrossDose is { } cross && WarningAtCrossingSince is { } since && since < cross;

    /// <summary>True when the window was declared crossed before it truly crossed (a false critical).</summary>
    public bool CriticalTooEarly => FirstCriticalDose is { } declared && (TrueCrossDose is not { } cross || declared < cross);

    /// <summary>|D50 − true| / true, for windows that decay past half during the session; infinity when no D50 was given.</summary>
    public double? D50RelativeError(double totalDose) =>
        TrueD50 is { } truth && truth <= totalDose
            ? FinalD50 is { } estimate ? Math.Abs(estimate - truth) / truth : double.PositiveInfinity
            : null;

    /// <summary>|D50 − true| / true of <see cref="TrueFamilyFitD50"/>, for the windows <see cref="D50RelativeError"/> judges; null when not computed.</summary>
    public double? TrueFamilyFitError(double totalDose) => ReferenceError(TrueFamilyFitD50, totalDose);

    /// <summary>|D50 − true| / true of <see cref="BestFamilyFitD50"/>, for the windows <see cref="D50RelativeError"/> judges; null when not computed.</summary>
    public double? BestFamilyFitError(double totalDose) => ReferenceError(BestFamilyFitD50, totalDose);

    /// <summary>Dose between the true crossing and the first critical (positive: declared after it truly crossed).</summary>
    public double? CriticalLag => TrueCrossDose is { } cross && FirstCriticalDose is { } declared ? declared - cross : null;

    /// <summary>Dose between the first warning and the true crossing (positive: the warning came first).</summary>
    public double? AlarmLead => TrueCrossDose is { } cross && FirstWarningDose is { } warned ? cross - warned : null;

    private double? ReferenceError(double? reference, double totalDose) =>
        TrueD50 is { } truth && truth <= totalDose && reference is { } d50 ? Math.Abs(d50 - truth) / truth : null;
}

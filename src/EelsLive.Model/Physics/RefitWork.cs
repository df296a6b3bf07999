namespace EelsLive.Model.Physics;

/// <summary>
/// How many Adam steps one refit runs. A refit that follows n frames added since the previous one (refits coalesced while
/// frames arrived faster than the model refits) runs its base steps for each of them, up to a number of frames, so the fit
/// does not lag the data; with a time budget, no more steps than fit into it at the measured cost of a step, so that when
/// the machine cannot keep up the refits stay short and frequent instead of growing with the backlog.
/// </summary>
/// <param name="maxFrames">Most frames whose work one refit does (<see cref="ModelOptions.MaxFramesPerRefit"/>).</param>
/// <param name="budget">Longest a refit's steps may take (<see cref="ModelOptions.RefitTimeBudget"/>), or null for no limit.</param>
internal sealed class RefitWork(int maxFrames, TimeSpan? budget)
{
    /// <summary>Weight of the newest measurement in the running cost of a step.</summary>
    private const double Smoothing = 0.3;

    private double _secondsPerStep;

    /// <summary>The steps of a refit with <paramref name="baseSteps"/> per frame after <paramref name="framesSinceRefit"/> new frames: never fewer than <paramref name="baseSteps"/>.</summary>
    public int Steps(int baseSteps, long framesSinceRefit)
    {
        int wanted = baseSteps * (int)Math.Clamp(framesSinceRefit, 1, maxFrames);
        if (budget is { } limit)
        {
            // Until a step has been timed, the budget allows only the base steps.
            wanted = _secondsPerStep > 0 ? (int)Math.Min(wanted, limit.TotalSeconds / _secondsPerStep) : baseSteps;
        }

        return Math.Max(baseSteps, wanted);
    }

    /// <summary>Takes the wall time <paramref name="elapsed"/> that <paramref name="steps"/> steps took, for the running cost of a step.</summary>
    public void Measured(int steps, TimeSpan elapsed)
    {
        if (steps <= 0 || elapsed <= TimeSpan.Zero)
        {
            return;
        }

        double perStep = elapsed.TotalSeconds / steps;
        _secondsPerStep = _secondsPerStep > 0 ? ((1 - Smoothing) * _secondsPerStep) + (Smoothing * perStep) : perStep;
    }
}

namespace EelsLive.Engine;

/// <summary>Judges a window's <see cref="IntegrityStanding"/> from its integrity and 90% interval, the one rule every console phrase, closing table and report cell follows.</summary>
public static class IntegrityStandings
{
    /// <summary>Half the last digit the console shows integrity with (two decimals): a central value this close reads as the level itself.</summary>
    public const double ReadingTolerance = 0.005;

    /// <summary>
    /// Where <paramref name="w"/> stands against <paramref name="level"/>; <paramref name="changing"/> says whether the model
    /// sees a significant change of the window's signal (without one its integrity is not identified and is never read as below).
    /// </summary>
    public static IntegrityStanding Of(WindowReport w, double level, bool changing)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (!changing || w.Integrity is not { } integrity)
        {
            return IntegrityStanding.NotBelow;
        }

        if (w.IntegrityHi is { } hi && hi < level)
        {
            return IntegrityStanding.Below;
        }

        return integrity < level - ReadingTolerance ? IntegrityStanding.ProbablyBelow : IntegrityStanding.NotBelow;
    }
}

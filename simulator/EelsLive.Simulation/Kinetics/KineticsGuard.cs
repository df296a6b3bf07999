namespace EelsLive.Simulation;

/// <summary>Argument checks shared by the kinetics families.</summary>
internal static class KineticsGuard
{
    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");
        }
    }

    public static void Threshold(double threshold)
    {
        if (!(threshold > 0 && threshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The integrity threshold must be in (0, 1).");
        }
    }
}

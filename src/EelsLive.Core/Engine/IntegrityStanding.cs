namespace EelsLive.Engine;

/// <summary>Where a window's integrity stands against a level (θ, or 0.5 for D50) at the current dose, as the console, the closing tables and the session report word it.</summary>
public enum IntegrityStanding
{
    /// <summary>
    /// Not below: the central value reads at or above the level, or the model cannot tell (no integrity yet, or no significant
    /// change of the signal, when integrity is not identified).
    /// </summary>
    NotBelow,

    /// <summary>The central value is below the level but the 90% interval still reaches it ("probably below").</summary>
    ProbablyBelow,

    /// <summary>The whole 90% interval is below the level: the model's 95% judgement of a crossing, before the alarm confirms it.</summary>
    Below,
}

namespace EelsLive.Engine;

/// <summary>When a live run stops by itself.</summary>
public sealed record RunSettings
{
    /// <summary>Stop after the first series' <c>eels.end</c>.</summary>
    public bool UntilEnd { get; init; }

    /// <summary>Stop after this long without any message; null waits for ever.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>
    /// Coalesce refits when frames queue up (the default): the estimates never lag more than one refit behind a fast
    /// source. False refits on every frame, so <c>analyze</c> reproduces the run exactly, at the risk of falling behind.
    /// </summary>
    public bool CoalesceRefits { get; init; } = true;
}

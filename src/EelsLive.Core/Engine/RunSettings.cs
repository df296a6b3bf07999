namespace EelsLive.Engine;

/// <summary>When a live run stops by itself.</summary>
public sealed record RunSettings
{
    /// <summary>Stop after the first series' <c>eels.end</c>.</summary>
    public bool UntilEnd { get; init; }

    /// <summary>Stop after this long without any message; null waits for ever.</summary>
    public TimeSpan? IdleTimeout { get; init; }
}

using EelsLive.Alarms;
using EelsLive.Pipeline;

namespace EelsLive.Cli.Console;

/// <summary>An immutable snapshot of everything the terminal dashboard draws; <see cref="DashboardView"/> renders it.</summary>
internal sealed record DashboardState
{
    /// <summary>The run's settings (threshold, lead dose, budget).</summary>
    public required DashboardSettings Settings { get; init; }

    /// <summary>The current series id, or null before the first series.</summary>
    public string? SeriesId { get; init; }

    /// <summary>Whether the series waits for frames, runs or has ended.</summary>
    public SeriesPhase Phase { get; init; } = SeriesPhase.Waiting;

    /// <summary>The source's end of the series, once it ended.</summary>
    public SeriesEnded? Ended { get; init; }

    /// <summary>Frames accepted so far (all series).</summary>
    public long Frames { get; init; }

    /// <summary>Frames accepted per second over the last second or so.</summary>
    public double FramesPerSecond { get; init; }

    /// <summary>Frames lost in transit in the current series.</summary>
    public long Lost { get; init; }

    /// <summary>Messages rejected so far.</summary>
    public long Rejected { get; init; }

    /// <summary>Cumulative dose of the current series (e/Å²).</summary>
    public double DoseEA2 { get; init; }

    /// <summary>Latest dose rate (e/Å²/s).</summary>
    public double DoseRateEA2PerS { get; init; }

    /// <summary>True when the dose is estimated rather than reported by the source.</summary>
    public bool DoseEstimated { get; init; }

    /// <summary>The windows of the latest frame, in configured order.</summary>
    public IReadOnlyList<DashboardWindow> Windows { get; init; } = [];

    /// <summary>The damage alarm's latest status, or null before the first fit (or without a model).</summary>
    public AlarmStatus? Alarm { get; init; }

    /// <summary>The dose budget's latest state.</summary>
    public BudgetStatus Budget { get; init; } = BudgetStatus.None;

    /// <summary>The damage alarm's level (Ok before the first fit).</summary>
    public AlarmLevel Level => Alarm?.Level ?? AlarmLevel.Ok;
}

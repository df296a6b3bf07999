using EelsLive.Alarms;

namespace EelsLive.Engine;

/// <summary>The damage alarm or the dose-budget alert changed with this frame; published at once, never throttled.</summary>
/// <param name="Report">The frame's report, with the new <c>alarm</c> and <c>alarm_windows</c>.</param>
/// <param name="Alarm">The damage alarm's full status, or null when no model runs.</param>
/// <param name="Budget">The dose budget's state.</param>
public sealed record AlarmChanged(FrameReport Report, AlarmStatus? Alarm, BudgetStatus Budget) : Pipeline.PipelineEvent
{
    /// <summary>True when the damage alarm's level or its set of windows changed with this frame.</summary>
    public bool DamageAlarmChanged { get; init; } = true;

    /// <summary>True when the dose budget's alert (none, 80 %, used up) changed with this frame.</summary>
    public bool BudgetChanged { get; init; }
}

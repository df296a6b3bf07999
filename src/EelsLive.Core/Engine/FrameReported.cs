using EelsLive.Alarms;
using EelsLive.Model;
using EelsLive.Pipeline;

namespace EelsLive.Engine;

/// <summary>A frame was accepted, measured and (when a model runs) refitted; <see cref="Report"/> is its output line.</summary>
public sealed record FrameReported(FrameReport Report, FrameMeasurement Measurement, ModelSnapshot? Snapshot) : PipelineEvent
{
    /// <summary>The damage alarm's status after this frame (forecasts per window), or null when no model runs.</summary>
    public AlarmStatus? Alarm { get; init; }

    /// <summary>The dose budget's state after this frame.</summary>
    public BudgetStatus Budget { get; init; } = BudgetStatus.None;
}

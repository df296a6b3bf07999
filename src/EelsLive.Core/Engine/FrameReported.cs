using EelsLive.Model;
using EelsLive.Pipeline;

namespace EelsLive.Engine;

/// <summary>A frame was accepted, measured and (when a model runs) refitted; <see cref="Report"/> is its output line.</summary>
public sealed record FrameReported(FrameReport Report, FrameMeasurement Measurement, ModelSnapshot? Snapshot) : PipelineEvent;

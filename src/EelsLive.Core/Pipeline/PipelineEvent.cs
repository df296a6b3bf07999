using EelsLive.Protocol;

namespace EelsLive.Pipeline;

/// <summary>The outcome of one wire message in the pipeline.</summary>
public abstract record PipelineEvent
{
    /// <summary>Receive time of the message, Unix seconds.</summary>
    public double ReceivedUnixS { get; init; }
}

/// <summary>A message was rejected; it is counted and logged, and nothing else is lost.</summary>
public sealed record MessageRejected(Rejection Reason, long RejectedTotal) : PipelineEvent;

/// <summary>A new series began (by <c>eels.start</c> or by the first frame of a new <c>series_id</c>).</summary>
public sealed record SeriesStarted(string SeriesId, StartMessage? Start) : PipelineEvent;

/// <summary>A frame was accepted and measured.</summary>
public sealed record FrameMeasured(FrameMeasurement Measurement, long RejectedTotal) : PipelineEvent;

/// <summary>The source ended a series.</summary>
public sealed record SeriesEnded(EndMessage End, long FramesAccepted, long LostFrames) : PipelineEvent;

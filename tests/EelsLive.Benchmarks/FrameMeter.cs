using System.Diagnostics;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Transport;

namespace EelsLive.Benchmarks;

/// <summary>Runs a source's messages through an engine and measures the frames reported: count, losses, first and last time, end of series.</summary>
internal sealed class FrameMeter : IDisposable
{
    private readonly TaskCompletionSource _ended = new();
    private readonly IDisposable _subscription;
    private long _first;
    private long _last;

    public FrameMeter(ZmqSubscriberSource source, MonitorEngine engine) =>
        _subscription = source.Messages.Subscribe(m =>
        {
            foreach (var e in engine.Process(m.Message, m.MoreFramesQueued))
            {
                if (e is FrameReported f)
                {
                    if (Received++ == 0) _first = Stopwatch.GetTimestamp();
                    _last = Stopwatch.GetTimestamp();
                    Lost = f.Report.LostFrames;
                }
                else if (e is SeriesEnded)
                {
                    _ended.TrySetResult();
                }
            }
        });

    /// <summary>Frames reported so far.</summary>
    public long Received { get; private set; }

    /// <summary>Frames the engine counted as lost (seq gaps) by the last report.</summary>
    public long Lost { get; private set; }

    /// <summary>Completes when the series' end message has been processed.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Time from the first to the last reported frame.</summary>
    public TimeSpan Span => Stopwatch.GetElapsedTime(_first, _last);

    public void Dispose() => _subscription.Dispose();
}

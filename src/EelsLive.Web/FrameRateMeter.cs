namespace EelsLive.Web;

/// <summary>Frames per second over the last few seconds, from a count sampled on the injected clock.</summary>
internal sealed class FrameRateMeter
{
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);
    private readonly TimeProvider _time;
    private readonly Queue<(long Timestamp, long Frames)> _samples = new();
    private long _frames;

    /// <summary>Creates a meter reading <paramref name="time"/>.</summary>
    public FrameRateMeter(TimeProvider time) => _time = time;

    /// <summary>Counts one frame.</summary>
    public void Count()
    {
        _frames++;
        long now = _time.GetTimestamp();
        if (_samples.Count == 0 || _time.GetElapsedTime(_samples.Last().Timestamp, now) >= SampleEvery)
        {
            _samples.Enqueue((now, _frames));
            while (_samples.Count > 2 && _time.GetElapsedTime(_samples.Peek().Timestamp, now) > Span)
            {
                _samples.Dequeue();
            }
        }
    }

    /// <summary>The recent rate, or 0 until two samples span some time.</summary>
    public double FramesPerSecond()
    {
        if (_samples.Count == 0)
        {
            return 0;
        }

        var (firstTime, firstFrames) = _samples.Peek();
        double seconds = _time.GetElapsedTime(firstTime).TotalSeconds;
        return seconds > 0.05 ? (_frames - firstFrames) / seconds : 0;
    }

    /// <summary>Starts over (a new series began).</summary>
    public void Reset()
    {
        _samples.Clear();
        _frames = 0;
    }
}

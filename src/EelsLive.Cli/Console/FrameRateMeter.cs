namespace EelsLive.Cli.Console;

/// <summary>Frames per second over a sliding window of at least <c>span</c>, from (time, frame count) samples.</summary>
internal sealed class FrameRateMeter
{
    private readonly TimeSpan _span;
    private readonly Queue<(DateTimeOffset At, long Frames)> _samples = new();

    /// <summary>Creates a meter averaging over <paramref name="span"/> (once that much time has been sampled).</summary>
    public FrameRateMeter(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "The averaging span must be positive.");
        }

        _span = span;
    }

    /// <summary>Records <paramref name="frames"/> at <paramref name="now"/> and returns the rate since the oldest sample kept.</summary>
    public double Sample(long frames, DateTimeOffset now)
    {
        _samples.Enqueue((now, frames));
        while (_samples.Count > 2 && now - _samples.ElementAt(1).At >= _span)
        {
            _samples.Dequeue();
        }

        var (at, oldest) = _samples.Peek();
        double seconds = (now - at).TotalSeconds;
        return seconds > 0 ? Math.Max(0, frames - oldest) / seconds : 0;
    }
}

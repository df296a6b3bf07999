namespace EelsLive.TestSupport;

/// <summary>A clock that moves only when a test moves it: timestamps in ticks of 100 ns.</summary>
internal sealed class ManualTime : TimeProvider
{
    /// <summary>The current timestamp; add <see cref="TimeSpan.TicksPerSecond"/> to move one second on.</summary>
    public long Ticks { get; set; }

    public override long GetTimestamp() => Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
}

using EelsLive.Protocol;

namespace EelsLive.Simulation;

/// <summary>Socket and warm-up settings of a <see cref="SimulatorPublisher"/>.</summary>
public sealed record PublisherOptions
{
    /// <summary>The endpoint to bind, e.g. <c>tcp://127.0.0.1:5556</c>; a port of <c>0</c> or <c>*</c> picks a free port. Default <see cref="WireTopics.DefaultEndpoint"/>.</summary>
    public string Endpoint { get; init; } = WireTopics.DefaultEndpoint;

    /// <summary>How long to wait for the first subscription before publishing anyway (ZeroMQ slow joiner). Default 5 s.</summary>
    public TimeSpan WarmupTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Extra wait after the first subscription is seen, before the first message. Default 50 ms.</summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Messages queued per subscriber before the PUB socket silently drops new ones. Default 100,000 (about 800 MB of
    /// 2048-channel f32 frames at worst) so that an as-fast-as-possible run is not cut by the default of 1,000.
    /// </summary>
    public int SendHighWatermark { get; init; } = 100_000;

    /// <summary>How long disposal may wait to flush queued messages to connected subscribers (ZeroMQ linger). Default 5 s.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a run keeps the socket open after its last message, so that queued messages reach subscribers before the
    /// socket can be disposed. Needed because NetMQ 4.0.4.5 was seen to discard the queued tail of a burst when the
    /// socket is disposed right after sending, despite the linger. Default 500 ms.
    /// </summary>
    public TimeSpan DrainDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Messages per second a subscriber is assumed to read at least, to estimate how long a burst stays queued after the
    /// last message (<see cref="BurstDrain"/>). Default 20,000 (EelsLive's monitor sustains about 26,000 frames/s here).
    /// </summary>
    public double AssumedSubscriberRate { get; init; } = 20_000;

    /// <summary>Longest wait after the last message, however large the burst. Default 60 s.</summary>
    public TimeSpan MaxDrain { get; init; } = TimeSpan.FromSeconds(60);
}

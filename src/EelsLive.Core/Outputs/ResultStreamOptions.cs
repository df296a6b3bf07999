namespace EelsLive.Outputs;

/// <summary>Validated settings of the <see cref="ResultStreamPublisher"/>.</summary>
public sealed record ResultStreamOptions
{
    /// <summary>The endpoint the PUB socket binds, e.g. <c>tcp://127.0.0.1:5557</c> (this PC only) or <c>tcp://*:5557</c>.</summary>
    public string Endpoint { get; init; } = ResultStreamTopics.DefaultEndpoint;

    /// <summary>Most <c>eelslive.result</c> messages a second; the last report of a burst is always sent.</summary>
    public double MaxResultsPerSecond { get; init; } = 10;

    /// <summary>
    /// Messages ZeroMQ queues per subscriber before it drops further ones for that subscriber (never blocking the monitor):
    /// 1,000 is 100 s of results at 10 Hz, about 1 MB per subscriber.
    /// </summary>
    public int SendHighWatermark { get; init; } = 1_000;

    /// <summary>Messages waiting between the processing loop and the sending thread; overflow is counted in <see cref="ResultStreamPublisher.Dropped"/>.</summary>
    public int QueueCapacity { get; init; } = 1_024;

    /// <summary>How long the socket keeps trying to deliver queued messages after the publisher is disposed.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between two <c>eelslive.result</c> messages.</summary>
    public TimeSpan ResultInterval => TimeSpan.FromSeconds(1 / MaxResultsPerSecond);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public ResultStreamOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Endpoint) || !Endpoint.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Result stream endpoint '{Endpoint}' is not a ZeroMQ endpoint such as {ResultStreamTopics.DefaultEndpoint}.");
        }

        if (!Endpoint.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Result stream endpoint '{Endpoint}' is not a tcp:// endpoint; use tcp://HOST:PORT (NetMQ's ipc:// is not a Unix socket, so libzmq ipc:// subscribers could not reach it).");
        }

        if (!(MaxResultsPerSecond > 0) || !double.IsFinite(MaxResultsPerSecond) || MaxResultsPerSecond > 1000)
        {
            throw new ArgumentException($"MaxResultsPerSecond must be in (0, 1000], got {MaxResultsPerSecond}.");
        }

        if (SendHighWatermark < 1) throw new ArgumentException($"SendHighWatermark must be >= 1, got {SendHighWatermark}.");
        if (QueueCapacity < 1) throw new ArgumentException($"QueueCapacity must be >= 1, got {QueueCapacity}.");
        if (Linger < TimeSpan.Zero) throw new ArgumentException($"Linger must be >= 0, got {Linger}.");
        return this;
    }
}

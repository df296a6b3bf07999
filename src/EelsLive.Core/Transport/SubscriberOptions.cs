using EelsLive.Protocol;

namespace EelsLive.Transport;

/// <summary>Validated settings of the ZeroMQ SUB source.</summary>
public sealed record SubscriberOptions
{
    /// <summary>The publisher's endpoint, e.g. <c>tcp://127.0.0.1:5556</c>.</summary>
    public string Endpoint { get; init; } = WireTopics.DefaultEndpoint;

    /// <summary>Capacity of the bounded queue between receiving and processing; when it is full, receiving waits (backpressure).</summary>
    public int QueueCapacity { get; init; } = 65_536;

    /// <summary>ZeroMQ receive high-water mark (messages buffered in the socket).</summary>
    public int ReceiveHighWatermark { get; init; } = 100_000;

    /// <summary>Most frames of one message that are kept; a message with more is kept truncated and rejected downstream.</summary>
    public int MaxFramesPerMessage { get; init; } = 8;

    /// <summary>Protocol limits; the payload limit also sets the socket's <c>MaxMsgSize</c>.</summary>
    public ProtocolLimits Limits { get; init; } = ProtocolLimits.Default;

    /// <summary>ZMTP heartbeat interval; a silent dead peer is detected after <see cref="HeartbeatTimeout"/>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long without a heartbeat reply before the connection is dropped and re-established.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>First reconnect delay after a publisher goes away.</summary>
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public SubscriberOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Endpoint) || !Endpoint.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Endpoint '{Endpoint}' is not a ZeroMQ endpoint such as tcp://127.0.0.1:5556.");
        }

        if (!Endpoint.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            // NetMQ's ipc:// is loopback TCP under another name, so it never hears a libzmq ipc:// (Unix socket) publisher.
            throw new ArgumentException($"Endpoint '{Endpoint}' is not a tcp:// endpoint; use tcp://HOST:PORT (NetMQ's ipc:// is not a Unix socket and cannot reach a libzmq ipc:// publisher).");
        }

        if (QueueCapacity < 1) throw new ArgumentException($"QueueCapacity must be >= 1, got {QueueCapacity}.");
        if (ReceiveHighWatermark < 0) throw new ArgumentException($"ReceiveHighWatermark must be >= 0, got {ReceiveHighWatermark}.");
        if (MaxFramesPerMessage < 2) throw new ArgumentException($"MaxFramesPerMessage must be >= 2, got {MaxFramesPerMessage}.");
        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatTimeout <= TimeSpan.Zero || ReconnectInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Heartbeat and reconnect intervals must be positive.");
        }

        return this;
    }
}

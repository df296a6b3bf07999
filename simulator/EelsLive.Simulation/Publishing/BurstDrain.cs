namespace EelsLive.Simulation;

/// <summary>
/// How long a publisher keeps its socket open after its last message. A burst sent faster than subscribers read is
/// still queued inside NetMQ when the last message goes out, and NetMQ 4.0.4.5 was seen to discard a socket's queue on
/// disposal despite the linger (a 60,000-frame replay at full speed lost its last 417 frames and its end message with a
/// fixed 500 ms wait). The backlog is therefore estimated from the burst and waited out.
/// </summary>
public static class BurstDrain
{
    /// <summary>
    /// <see cref="PublisherOptions.DrainDelay"/> plus the time an assumed subscriber, reading
    /// <see cref="PublisherOptions.AssumedSubscriberRate"/> messages per second from the start of sending, would still need
    /// for the <paramref name="messages"/> sent in <paramref name="sending"/>; at most <see cref="PublisherOptions.MaxDrain"/>.
    /// </summary>
    public static TimeSpan Delay(PublisherOptions options, long messages, TimeSpan sending)
    {
        ArgumentNullException.ThrowIfNull(options);
        double rate = options.AssumedSubscriberRate;
        double backlog = Math.Max(0, messages - (Math.Max(0, sending.TotalSeconds) * rate));
        var delay = options.DrainDelay + TimeSpan.FromSeconds(backlog / rate);
        return delay < options.MaxDrain ? delay : options.MaxDrain;
    }
}

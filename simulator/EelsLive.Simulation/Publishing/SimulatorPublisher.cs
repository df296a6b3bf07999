using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Simulation;

/// <summary>
/// Publishes simulated series (or recorded sessions) on a bound ZeroMQ PUB endpoint. It uses an XPUB socket so that it
/// sees subscriptions and can wait for the first subscriber before sending (the slow-joiner problem), and paces frames
/// with the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Not thread-safe: one run at a time. The <c>…Async</c> methods run the whole run on one dedicated thread, so the socket is
/// never used concurrently. A PUB socket drops messages silently once a subscriber's queue holds
/// <see cref="PublisherOptions.SendHighWatermark"/> messages. Dispose the publisher before <c>NetMQConfig.Cleanup()</c>.
/// </remarks>
public sealed class SimulatorPublisher : IDisposable
{
    private const byte SubscribeMarker = 1;
    private const int DrainEveryFrames = 256;
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MinimumPollSlice = TimeSpan.FromMilliseconds(1);
    private static readonly byte[] StartTopic = Encoding.UTF8.GetBytes(WireTopics.Start);
    private static readonly byte[] FrameTopic = Encoding.UTF8.GetBytes(WireTopics.Frame);
    private static readonly byte[] EndTopic = Encoding.UTF8.GetBytes(WireTopics.End);

    private readonly XPublisherSocket _socket;
    private readonly ArrayBufferWriter<byte> _payload = new(16 * 1024);
    private readonly TimeProvider _time;
    private readonly PublisherOptions _options;
    private bool _subscriberSeen;
    private bool _disposed;

    /// <summary>Creates the socket and binds it to <see cref="PublisherOptions.Endpoint"/>.</summary>
    /// <exception cref="NetMQException">The endpoint cannot be bound (e.g. the port is in use).</exception>
    public SimulatorPublisher(PublisherOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new PublisherOptions();
        _time = timeProvider ?? TimeProvider.System;
        if (_options.SendHighWatermark < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.SendHighWatermark, "SendHighWatermark must be ≥ 0.");
        }

        if (!(_options.AssumedSubscriberRate > 0) || !double.IsFinite(_options.AssumedSubscriberRate))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.AssumedSubscriberRate, "AssumedSubscriberRate must be a finite number > 0 messages/s.");
        }

        _socket = new XPublisherSocket();
        try
        {
            _socket.Options.SendHighWatermark = _options.SendHighWatermark;
            _socket.Options.Linger = _options.Linger;
            Endpoint = Bind(_socket, _options.Endpoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>The endpoint actually bound (with the chosen port when a free one was requested).</summary>
    public string Endpoint { get; }

    /// <summary>
    /// Waits until a subscription arrives or <see cref="PublisherOptions.WarmupTimeout"/> passes, then the settle delay.
    /// Returns true when a subscriber was seen (at any earlier call too).
    /// </summary>
    public bool WaitForSubscriber(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_subscriberSeen)
        {
            DrainSubscriptions();
            return true;
        }

        long started = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = _options.WarmupTimeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            // NetMQ 4.0.4.5 truncates the timeout to whole milliseconds and then spins forever on a
            // timeout of 0 < t < 1 ms (SocketBase.TryRecv), so every slice is at least 1 ms.
            var slice = remaining < PollSlice ? remaining : PollSlice;
            if (slice < MinimumPollSlice)
            {
                slice = MinimumPollSlice;
            }

            if (_socket.TryReceiveFrameBytes(slice, out var frame) && IsSubscription(frame))
            {
                _subscriberSeen = true;
                DrainSubscriptions();
                Wait(_options.SettleDelay, cancellationToken);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Publishes <paramref name="series"/>: waits for a subscriber, sends <c>eels.start</c>, every frame that is not dropped at
    /// <paramref name="rateHz"/> frames per second (0 = as fast as possible; dropped frames keep their time slot), then
    /// <c>eels.end</c> — <c>completed</c>, or <c>aborted</c> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public PublishResult Publish(SimulatedSeries series, double rateHz, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(rateHz >= 0) || !double.IsFinite(rateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, "rate must be a finite number ≥ 0 Hz.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        bool seen = WaitForSubscriber(cancellationToken);
        double startUnixS = series.Options.StartUnixS ?? _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        Send(StartTopic, series.CreateStart(startUnixS));
        long started = _time.GetTimestamp();
        long produced = 0;
        long sent = 0;
        var reason = EndReason.Completed;
        using (var frames = series.Frames(startUnixS).GetEnumerator())
        {
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    reason = EndReason.Aborted;
                    break;
                }

                if (rateHz > 0)
                {
                    WaitUntil(started, TimeSpan.FromSeconds(produced / rateHz), cancellationToken);
                    if (cancellationToken.IsCancellationRequested)
                    {
                        reason = EndReason.Aborted;
                        break;
                    }
                }

                if (!frames.MoveNext())
                {
                    break;
                }

                produced++;
                if (frames.Current.Message is { } message)
                {
                    Send(FrameTopic, message);
                    sent++;
                }

                if (produced % DrainEveryFrames == 0)
                {
                    DrainSubscriptions();
                }
            }
        }

        Send(EndTopic, series.CreateEnd(startUnixS, produced, reason));
        var elapsed = _time.GetElapsedTime(started);
        Drain(BurstDrain.Delay(_options, sent + 2, elapsed));
        return new PublishResult(reason, produced, sent, seen, elapsed);
    }

    /// <summary>Runs <see cref="Publish"/> on a dedicated thread.</summary>
    public Task<PublishResult> PublishAsync(SimulatedSeries series, double rateHz, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Publish(series, rateHz, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Republishes recorded messages byte for byte (every ZeroMQ frame as recorded, valid or not, e.g. from <see cref="SessionFileReader.ReadAll"/>), after waiting for a
    /// subscriber, keeping the recorded spacing of the receive times divided by <paramref name="speed"/>
    /// (0 = as fast as possible). Cancellation stops it without sending anything further.
    /// </summary>
    public ReplayResult Replay(IEnumerable<RecordedMessage> messages, double speed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!(speed >= 0) || !double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be a finite number ≥ 0.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        bool seen = WaitForSubscriber(cancellationToken);
        long started = _time.GetTimestamp();
        double? firstReceived = null;
        long sent = 0;
        long skipped = 0;
        foreach (var (receivedUnixS, frames) in messages)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Finish(started, new ReplayResult(sent, skipped, seen, Aborted: true));
            }

            firstReceived ??= receivedUnixS;
            if (speed > 0)
            {
                double offset = Math.Max(0, receivedUnixS - firstReceived.Value) / speed;
                WaitUntil(started, TimeSpan.FromSeconds(offset), cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    return Finish(started, new ReplayResult(sent, skipped, seen, Aborted: true));
                }
            }

            if (frames.Count == 0)
            {
                skipped++;
                continue;
            }

            for (int i = 0; i < frames.Count - 1; i++)
            {
                _socket.SendMoreFrame(frames[i]);
            }

            _socket.SendFrame(frames[^1]);
            sent++;
            if (sent % DrainEveryFrames == 0)
            {
                DrainSubscriptions();
            }
        }

        return Finish(started, new ReplayResult(sent, skipped, seen, Aborted: false));
    }

    /// <summary>Runs <see cref="Replay"/> on a dedicated thread.</summary>
    public Task<ReplayResult> ReplayAsync(IEnumerable<RecordedMessage> messages, double speed, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Replay(messages, speed, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Closes the socket; queued messages get up to <see cref="PublisherOptions.Linger"/> to flush.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _socket.Dispose();
    }

    private static string Bind(XPublisherSocket socket, string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        int colon = endpoint.LastIndexOf(':');
        string port = colon >= 0 ? endpoint[(colon + 1)..] : string.Empty;
        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal) && port is "0" or "*")
        {
            string host = endpoint[..colon];
            int chosen = socket.BindRandomPort(host);
            return $"{host}:{chosen}";
        }

        socket.Bind(endpoint);
        return endpoint;
    }

    private ReplayResult Finish(long started, ReplayResult result)
    {
        if (result.MessagesSent > 0)
        {
            Drain(BurstDrain.Delay(_options, result.MessagesSent, _time.GetElapsedTime(started)));
        }

        return result;
    }

    private static bool IsSubscription(byte[] frame) => frame.Length > 0 && frame[0] == SubscribeMarker;

    /// <summary>Encodes into one reused buffer and sends [topic, payload] without allocating per message.</summary>
    private void Send(byte[] topic, WireMessage message)
    {
        _payload.ResetWrittenCount();
        WireEncoder.Encode(message, _payload);
        if (!MemoryMarshal.TryGetArray(_payload.WrittenMemory, out ArraySegment<byte> written) || written.Array is null || written.Offset != 0)
        {
            written = new ArraySegment<byte>(_payload.WrittenSpan.ToArray());
        }

        _socket.SendMoreFrame(topic).SendFrame(written.Array!, written.Count);
    }

    /// <summary>
    /// Keeps the socket open for <paramref name="delay"/> and touches it every few milliseconds: NetMQ moves queued
    /// messages on only when the owning thread uses the socket, and an idle socket was seen to hold back a burst's last
    /// messages (and the end message) until it was disposed, which discards them.
    /// </summary>
    private void Drain(TimeSpan delay)
    {
        long started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < delay)
        {
            DrainSubscriptions();
            Wait(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }

    private void DrainSubscriptions()
    {
        while (_socket.TryReceiveFrameBytes(TimeSpan.Zero, out _))
        {
        }
    }

    private void WaitUntil(long started, TimeSpan due, CancellationToken cancellationToken)
    {
        var remaining = due - _time.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            Wait(remaining, cancellationToken);
        }
    }

    private void Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            Task.Delay(delay, _time, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The caller checks the token and ends the run.
        }
    }
}

using System.Reactive.Linq;
using System.Threading.Channels;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Transport;

/// <summary>
/// Receives wire messages from a ZeroMQ PUB on a dedicated thread (sockets are not thread-safe) and hands
/// them through a bounded queue to <see cref="Messages"/>. Reconnects by itself when the publisher restarts
/// or starts late. When processing falls behind and the queue is full, the thread waits for room instead of
/// dropping: NetMQ's receive buffer and TCP then hold what follows, so a burst is delayed, not lost.
/// </summary>
public sealed class ZmqSubscriberSource : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxBatch = 4096;

    private readonly SubscriberOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<RecordedMessage> _queue;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _queueDropped;
    private long _received;
    private volatile bool _connected;

    /// <summary>Creates a source; nothing is connected until <see cref="Start"/>.</summary>
    public ZmqSubscriberSource(SubscriberOptions options, TimeProvider? timeProvider = null)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _time = timeProvider ?? TimeProvider.System;

        // NetMQ's default, stated here because the receive path keeps the arrays this pool hands out (see ReceivedBytes).
        BufferPool.SetGCBufferPool();
        _queue = Channel.CreateBounded<RecordedMessage>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Messages = Observable.Create<IncomingMessage>(PumpAsync);
    }

    /// <summary>The received messages, in order; subscribe once. Completes after <see cref="Stop"/>.</summary>
    public IObservable<IncomingMessage> Messages { get; }

    /// <summary>Received messages discarded because the source was stopped while the processing queue was full.</summary>
    public long QueueDropped => Interlocked.Read(ref _queueDropped);

    /// <summary>Messages received from the socket (including dropped ones).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>True once the socket has been connected.</summary>
    public bool IsConnected => _connected;

    /// <summary>Connects the SUB socket on its own thread and starts receiving.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("The source is already started.");
        }

        using var ready = new ManualResetEventSlim();
        Exception? failure = null;
        _thread = new Thread(() => Receive(ready, e => failure = e)) { IsBackground = true, Name = "eelslive-zmq-receive" };
        _thread.Start();
        ready.Wait();
        if (failure is not null)
        {
            throw new InvalidOperationException($"Could not connect to '{_options.Endpoint}': {EndpointFailure.Describe(failure)}.", failure);
        }
    }

    /// <summary>Stops receiving, closes the socket and completes <see cref="Messages"/> once queued messages are handed out.</summary>
    public void Stop()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }

        _thread?.Join();
    }

    private void Receive(ManualResetEventSlim ready, Action<Exception> fail)
    {
        SubscriberSocket? socket = null;
        try
        {
            socket = new SubscriberSocket();
            socket.Options.ReceiveHighWatermark = _options.ReceiveHighWatermark;
            socket.Options.MaxMsgSize = _options.Limits.MaxPayloadBytes;
            socket.Options.HeartbeatInterval = _options.HeartbeatInterval;
            socket.Options.HeartbeatTimeout = _options.HeartbeatTimeout;
            socket.Options.HeartbeatTtl = _options.HeartbeatTimeout + _options.HeartbeatInterval;
            socket.Options.ReconnectInterval = _options.ReconnectInterval;
            socket.Options.ReconnectIntervalMax = TimeSpan.FromSeconds(2);
            socket.Options.Linger = TimeSpan.Zero;
            socket.Connect(_options.Endpoint);
            socket.Subscribe(WireTopics.Prefix);
            _connected = true;
        }
        catch (Exception ex)
        {
            // NetMQ reports a malformed endpoint with assorted exception types (FormatException among them).
            socket?.Dispose();
            fail(ex);
            ready.Set();
            _queue.Writer.TryComplete(ex);
            return;
        }

        ready.Set();
        var frames = new List<byte[]>(2);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!TryReceiveMessage(socket, frames, out int totalFrames))
                {
                    continue;
                }

                Interlocked.Increment(ref _received);
                if (totalFrames > frames.Count)
                {
                    frames.Add(Array.Empty<byte>()); // marks the truncation so the decoder reports the wrong frame count
                }

                var message = new RecordedMessage((_time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds, frames.ToArray());
                if (!_queue.Writer.TryWrite(message) && !WaitAndWrite(message))
                {
                    Interlocked.Increment(ref _queueDropped);
                }
            }

            _queue.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            // A failure of the receiving thread ends the stream with that error instead of killing the process.
            _queue.Writer.TryComplete(ex);
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>
    /// Backpressure: waits until the queue has room and writes <paramref name="message"/>. Meanwhile the socket is not
    /// read, so NetMQ buffers up to its receive high-water mark and then TCP slows the publisher. False only when the
    /// source is stopped while waiting.
    /// </summary>
    private bool WaitAndWrite(RecordedMessage message)
    {
        try
        {
            while (_queue.Writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
            {
                if (_queue.Writer.TryWrite(message))
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return false;
    }

    private bool TryReceiveMessage(SubscriberSocket socket, List<byte[]> frames, out int totalFrames)
    {
        frames.Clear();
        totalFrames = 0;
        if (!TryReceiveFrame(socket, PollInterval, out var first, out bool more))
        {
            return false;
        }

        frames.Add(first);
        totalFrames = 1;
        while (more)
        {
            TryReceiveFrame(socket, Timeout.InfiniteTimeSpan, out var next, out more);
            totalFrames++;
            if (frames.Count < _options.MaxFramesPerMessage)
            {
                frames.Add(next);
            }
        }

        return true;
    }

    /// <summary>Receives one ZeroMQ frame; the further frames of a message are already queued, so they never wait.</summary>
    private static bool TryReceiveFrame(SubscriberSocket socket, TimeSpan timeout, out byte[] bytes, out bool more)
    {
        var msg = default(Msg);
        msg.InitEmpty();
        try
        {
            if (!socket.TryReceive(ref msg, timeout))
            {
                bytes = [];
                more = false;
                return false;
            }

            more = msg.HasMore;
            bytes = ReceivedBytes(ref msg);
            return true;
        }
        finally
        {
            msg.Close();
        }
    }

    /// <summary>
    /// NetMQ's decoder reads every received frame into an array of its own from the garbage-collected buffer pool
    /// (selected in the constructor), which gives it back to no one. That array is kept, not copied: a copy of every
    /// 8 KiB spectrum was a third of the receive thread's work. Any other kind of message is copied.
    /// </summary>
    private static byte[] ReceivedBytes(ref Msg msg)
    {
        // Msg.Data and Msg.Offset are marked obsolete in favour of spans, which cannot hand over the array itself.
#pragma warning disable CS0618
        return msg.MsgType == MsgType.Pool && msg.Data is { } data && msg.Offset == 0 && msg.Size == data.Length
            ? data
            : msg.ToArray();
#pragma warning restore CS0618
    }

    private async Task PumpAsync(IObserver<IncomingMessage> observer, CancellationToken cancellation)
    {
        var reader = _queue.Reader;
        var batch = new List<RecordedMessage>();
        try
        {
            while (await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                // Hand out what is queued now as one batch; only the batch's last frame asks for a refit, so the
                // model never lags more than one refit behind however fast frames arrive.
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                int lastFrame = batch.FindLastIndex(IsFrame);
                for (int i = 0; i < batch.Count; i++)
                {
                    observer.OnNext(new IncomingMessage(batch[i], MoreFramesQueued: i < lastFrame));
                }
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            observer.OnError(ex);
        }
    }

    private static bool IsFrame(RecordedMessage message) =>
        message.Frames.Count > 0 && message.Frames[0].AsSpan().SequenceEqual("eels.frame"u8);

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }
}

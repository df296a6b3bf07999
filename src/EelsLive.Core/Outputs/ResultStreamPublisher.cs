using System.Globalization;
using System.Reactive.Concurrency;
using System.Text;
using System.Threading.Channels;
using EelsLive.Pipeline;
using EelsLive.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Outputs;

/// <summary>
/// The monitor's own ZeroMQ PUB (<c>--publish</c>): <c>eelslive.result</c> throttled and <c>eelslive.alarm</c> at once, as
/// MessagePack maps (<see cref="ResultStreamEncoder"/>). The socket lives on a dedicated sending thread fed by a bounded queue,
/// so the processing loop only enqueues: it never blocks and never sees an exception; failures are counted (and logged).
/// </summary>
public sealed class ResultStreamPublisher : IDisposable
{
    private static readonly byte[] ResultTopic = Encoding.UTF8.GetBytes(ResultStreamTopics.Result);
    private static readonly byte[] AlarmTopic = Encoding.UTF8.GetBytes(ResultStreamTopics.Alarm);

    private readonly ResultStreamOptions _options;
    private readonly IScheduler _scheduler;
    private readonly TextWriter? _log;
    private readonly Channel<ResultStreamMessage> _queue;
    private readonly object _lifecycle = new();
    private Thread? _thread;
    private bool _disposed;
    private long _resultsSent;
    private long _alarmsSent;
    private long _dropped;
    private long _sendFailures;

    /// <summary>
    /// Creates a publisher; nothing is bound until <see cref="Start"/>. <paramref name="scheduler"/> times the result throttle
    /// (default <see cref="DefaultScheduler.Instance"/>); <paramref name="log"/>, if given, receives a line on the 1st, 10th, 100th …
    /// send failure, written from the sending thread (so it must be thread-safe, as <see cref="Console.Error"/> is).
    /// </summary>
    public ResultStreamPublisher(ResultStreamOptions options, IScheduler? scheduler = null, TextWriter? log = null)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _scheduler = scheduler ?? DefaultScheduler.Instance;
        _log = log;
        _queue = Channel.CreateBounded<ResultStreamMessage>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the message is counted as dropped
        });
    }

    /// <summary>The endpoint actually bound (with the port resolved when the options gave a wildcard port); null before <see cref="Start"/>.</summary>
    public string? BoundEndpoint { get; private set; }

    /// <summary><c>eelslive.result</c> messages handed to the socket.</summary>
    public long ResultsSent => Interlocked.Read(ref _resultsSent);

    /// <summary><c>eelslive.alarm</c> messages handed to the socket.</summary>
    public long AlarmsSent => Interlocked.Read(ref _alarmsSent);

    /// <summary>Messages dropped because the queue to the sending thread was full (or the publisher was already disposed).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages that could not be encoded or sent.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>Binds the PUB socket on the sending thread; throws <see cref="InvalidOperationException"/> when the endpoint cannot be bound.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_thread is not null)
            {
                throw new InvalidOperationException("The result stream is already started.");
            }

            using var ready = new ManualResetEventSlim();
            Exception? failure = null;
            _thread = new Thread(() => Run(ready, e => failure = e)) { IsBackground = true, Name = "eelslive-result-stream" };
            _thread.Start();
            ready.Wait();
            if (failure is not null)
            {
                _thread.Join();
                _thread = null;
                throw new InvalidOperationException($"Could not bind the result stream to '{_options.Endpoint}': {EndpointFailure.Describe(failure)}.", failure);
            }
        }
    }

    /// <summary>
    /// Publishes the results and alarms of <paramref name="events"/> (e.g. <c>LiveMonitor.Events</c>) until the returned
    /// subscription is disposed or the events complete; the last pending result is sent when they complete.
    /// </summary>
    public IDisposable Attach(IObservable<PipelineEvent> events) =>
        ResultStreamThrottle.Apply(events, _options.ResultInterval, _scheduler).Subscribe(Enqueue, _ => { }, () => { });

    /// <summary>Queues <paramref name="message"/> for sending without blocking; counts it as dropped when the queue is full.</summary>
    public void Enqueue(ResultStreamMessage message)
    {
        if (message is null || !_queue.Writer.TryWrite(message))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Sends what is already queued, then closes the socket (lingering up to <see cref="ResultStreamOptions.Linger"/>).</summary>
    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.Writer.TryComplete();
            _thread?.Join();
        }
    }

    private void Run(ManualResetEventSlim ready, Action<Exception> fail)
    {
        PublisherSocket? socket = null;
        try
        {
            socket = new PublisherSocket();
            socket.Options.SendHighWatermark = _options.SendHighWatermark;
            socket.Options.Linger = _options.Linger;
            socket.Bind(_options.Endpoint);
            BoundEndpoint = socket.Options.LastEndpoint;
        }
        catch (Exception ex)
        {
            // NetMQ reports a bad or busy endpoint with assorted exception types.
            socket?.Dispose();
            fail(ex);
            ready.Set();
            return;
        }

        ready.Set();
        try
        {
            var reader = _queue.Reader;
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var message))
                {
                    Send(socket, message);
                }
            }
        }
        finally
        {
            socket.Dispose();
        }
    }

    private void Send(PublisherSocket socket, ResultStreamMessage message)
    {
        bool alarm = message.Alarm is not null;
        try
        {
            byte[] payload = ResultStreamEncoder.Encode(message);
            // A PUB socket never blocks: at the high-water mark ZeroMQ drops the message for that subscriber.
            if (socket.TrySendFrame(TimeSpan.Zero, alarm ? AlarmTopic : ResultTopic, more: true)
                && socket.TrySendFrame(TimeSpan.Zero, payload))
            {
                Interlocked.Increment(ref alarm ? ref _alarmsSent : ref _resultsSent);
            }
            else
            {
                Failed(message, "the socket did not accept the message");
            }
        }
        catch (Exception ex)
        {
            Failed(message, ex.Message);
        }
    }

    private void Failed(ResultStreamMessage message, string reason)
    {
        long failures = Interlocked.Increment(ref _sendFailures);
        // Log the 1st, 10th, 100th … failure so a persistent fault is visible without flooding the log.
        if (_log is not null && IsPowerOfTen(failures))
        {
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"result stream: could not send {message.Topic} seq {message.Report.Seq} ({failures} failures so far): {reason}"));
        }
    }

    private static bool IsPowerOfTen(long n)
    {
        while (n % 10 == 0)
        {
            n /= 10;
        }

        return n == 1;
    }
}

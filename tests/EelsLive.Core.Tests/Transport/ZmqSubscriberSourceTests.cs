using EelsLive.TestSupport;
using System.Collections.Concurrent;
using EelsLive.Core.Tests.Support;
using EelsLive.Protocol;
using EelsLive.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Core.Tests.Transport;

public class ZmqSubscriberSourceTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Receives_from_a_publisher_that_starts_after_it_and_survives_a_publisher_restart()
    {
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var received = new ConcurrentQueue<long>();
        var decoder = new WireDecoder();
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint });
        using var subscription = source.Messages.Subscribe(m =>
        {
            var result = decoder.Decode([m.Message.Frames[0], m.Message.Frames[1]]);
            if (result.Message is FrameMessage f)
            {
                received.Enqueue(f.Seq);
            }
        });
        source.Start();
        await Task.Delay(200);

        long seq = 0;
        long firstPublisherLast = await PublishUntil(endpoint, () => received.Count >= 5, () => seq++);
        long countAfterFirst = received.Count;
        long secondPublisherLast = await PublishUntil(endpoint, () => received.Any(s => s > firstPublisherLast + 5), () => seq++);

        Assert.True(countAfterFirst >= 5);
        Assert.Contains(received, s => s > firstPublisherLast);
        Assert.True(secondPublisherLast > firstPublisherLast);
        Assert.Equal(received.OrderBy(s => s), received);
        Assert.Equal(0, source.QueueDropped);
    }

    [Fact]
    public async Task A_burst_larger_than_the_queue_reaches_a_slow_consumer_whole_and_in_order()
    {
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        const int burst = 3000;
        var received = new ConcurrentQueue<long>();
        var decoder = new WireDecoder();
        var ended = new TaskCompletionSource();
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint, QueueCapacity = 16 });
        var joined = new TaskCompletionSource();
        using var subscription = source.Messages.Subscribe(m =>
        {
            if (IsProbe(m))
            {
                joined.TrySetResult();
                return;
            }

            Thread.SpinWait(20_000); // a consumer far slower than the sender
            var result = decoder.Decode([m.Message.Frames[0], m.Message.Frames[1]]);
            if (result.Message is FrameMessage f)
            {
                received.Enqueue(f.Seq);
                if (f.Seq == burst - 1)
                {
                    ended.TrySetResult();
                }
            }
        });
        source.Start();

        using (var publisher = new PublisherSocket())
        {
            publisher.Options.SendHighWatermark = burst + 10;
            publisher.Options.Linger = TimeSpan.FromSeconds(10);
            publisher.Bind(endpoint);
            await ProbeUntilJoined(publisher, joined);
            for (int seq = 0; seq < burst; seq++)
            {
                publisher.SendMoreFrame(WireTopics.Frame).SendFrame(WireEncoder.Encode(TestFrames.Frame(seq)));
            }

            await ended.Task.WaitAsync(Limit);
        }

        Assert.Equal(Enumerable.Range(0, burst).Select(i => (long)i), received);
        Assert.Equal(0, source.QueueDropped);
    }

    [Fact]
    public async Task Every_received_frame_holds_exactly_the_bytes_sent_whatever_its_size()
    {
        // The receive path keeps NetMQ's own arrays instead of copying them; every message must still be its own bytes:
        // empty, one-byte-length (< 256) and eight-byte-length frames, and extra frames beyond the topic and payload.
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var random = new Random(11);
        var sent = Enumerable.Range(0, 400).Select(i => MakeMessage(i, random)).ToArray();
        var received = new ConcurrentQueue<byte[][]>();
        var joined = new TaskCompletionSource();
        var done = new TaskCompletionSource();
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint });
        using var subscription = source.Messages.Subscribe(m =>
        {
            if (IsProbe(m))
            {
                joined.TrySetResult();
                return;
            }

            received.Enqueue([.. m.Message.Frames]);
            if (received.Count == sent.Length)
            {
                done.TrySetResult();
            }
        }, e => done.TrySetException(e));
        source.Start();

        using (var publisher = new PublisherSocket())
        {
            publisher.Options.SendHighWatermark = 0;
            publisher.Options.Linger = TimeSpan.FromSeconds(10);
            publisher.Bind(endpoint);
            await ProbeUntilJoined(publisher, joined);

            foreach (var frames in sent)
            {
                for (int f = 0; f < frames.Length - 1; f++)
                {
                    publisher.SendMoreFrame(frames[f]);
                }

                publisher.SendFrame(frames[^1]);
            }

            await done.Task.WaitAsync(Limit);
        }

        Assert.Equal(sent.Length, received.Count);
        var all = received.ToArray();
        for (int i = 0; i < sent.Length; i++)
        {
            Assert.Equal(sent[i].Length, all[i].Length);
            for (int f = 0; f < sent[i].Length; f++)
            {
                Assert.True(sent[i][f].AsSpan().SequenceEqual(all[i][f]), $"message {i} frame {f} ({sent[i][f].Length} bytes) differs");
            }
        }

        static byte[][] MakeMessage(int index, Random random)
        {
            int size = (index % 4) switch { 0 => 0, 1 => random.Next(1, 256), 2 => random.Next(256, 20_000), _ => random.Next(1, 9_000) };
            var payload = new byte[size];
            random.NextBytes(payload);
            var topic = System.Text.Encoding.UTF8.GetBytes(WireTopics.Frame);
            return index % 10 == 3 ? [topic, payload, payload[..Math.Min(5, size)]] : [topic, payload];
        }
    }

    [Fact]
    public void Connecting_to_a_malformed_endpoint_fails_with_a_clear_message()
    {
        Assert.Throws<ArgumentException>(() => new ZmqSubscriberSource(new SubscriberOptions { Endpoint = "localhost:5556" }));
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = "tcp://not a host:x" });
        var error = Assert.Throws<InvalidOperationException>(source.Start);
        Assert.Contains("tcp://not a host:x", error.Message);
        Assert.EndsWith("it is not a tcp://HOST:PORT endpoint with a numeric port.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    private static bool IsProbe(IncomingMessage message) => message.Message.Frames[0].AsSpan().SequenceEqual("eels.probe"u8);

    /// <summary>
    /// A PUB drops what it sends before a subscription reaches it, and how long that takes depends on the machine's load
    /// (a fixed 300 ms wait once lost the first 623 frames of a burst): probe until the source has received one.
    /// </summary>
    private static async Task ProbeUntilJoined(PublisherSocket publisher, TaskCompletionSource joined)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!joined.Task.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription never reached the publisher");
            publisher.SendMoreFrame("eels.probe").SendFrame([1]);
            await Task.WhenAny(joined.Task, Task.Delay(50));
        }
    }

    /// <summary>Binds a fresh PUB, sends frames every few ms until <paramref name="done"/>, then closes it.</summary>
    private static async Task<long> PublishUntil(string endpoint, Func<bool> done, Func<long> nextSeq)
    {
        using var publisher = new PublisherSocket();
        publisher.Options.Linger = TimeSpan.Zero;
        var deadline = DateTime.UtcNow + Limit;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                publisher.Bind(endpoint);
                break;
            }
            catch (NetMQ.AddressAlreadyInUseException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }

        long last = -1;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscriber did not receive the publisher's frames in time");
            last = nextSeq();
            publisher.SendMoreFrame(WireTopics.Frame).SendFrame(WireEncoder.Encode(TestFrames.Frame(last)));
            await Task.Delay(5);
        }

        return last;
    }
}

using EelsLive.TestSupport;
using System.Reactive.Concurrency;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Core.Tests.Engine;

/// <summary>Every kind of bad message, interleaved with valid frames, over a real loopback socket into the live monitor.</summary>
public class BadInputOverSocketsTests
{
    [Fact]
    public async Task Bad_messages_are_counted_with_reasons_and_every_valid_frame_and_its_dose_arrives()
    {
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint });
        var monitor = new LiveMonitor(source.Messages, new MonitorEngine(new MonitorOptions { Model = null }), TaskPoolScheduler.Default);
        var reports = new List<FrameReport>();
        var rejections = new List<RejectionKind>();
        using var subscription = monitor.Events.Subscribe(e =>
        {
            if (e is FrameReported f) reports.Add(f.Report);
            if (e is MessageRejected r) rejections.Add(r.Reason.Kind);
        });

        using var publisher = new XPublisherSocket();
        publisher.Options.SendHighWatermark = 100_000;
        publisher.Bind(endpoint);
        source.Start();
        var run = monitor.RunAsync(new RunSettings { UntilEnd = true, IdleTimeout = TimeSpan.FromSeconds(30) });
        Assert.True(publisher.TryReceiveFrameBytes(TimeSpan.FromSeconds(10), out _), "no subscription arrived");

        long seq = 0;
        double dose = 0;
        var expected = new List<RejectionKind>();
        void SendValid()
        {
            dose += 1.5;
            publisher.SendMoreFrame(WireTopics.Frame).SendFrame(WireEncoder.Encode(TestFrames.Frame(seq++, dose: 1.5)));
        }

        SendValid();
        for (int round = 0; round < 3; round++)
        {
            foreach (var bad in Payloads.BadMessages(() => seq - 1))
            {
                var message = new NetMQMessage();
                foreach (var frame in bad.Frames)
                {
                    message.Append(frame);
                }

                publisher.SendMultipartMessage(message);
                expected.Add(bad.Kind);
                SendValid();
            }
        }

        publisher.SendMoreFrame(WireTopics.End).SendFrame(WireEncoder.Encode(new EndMessage("s1", seq, 1.7e9, EndReason.Completed)));

        Assert.Equal(RunOutcome.SeriesEnded, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(seq, reports.Count);
        Assert.Equal(expected, rejections);
        Assert.Equal(dose, reports[^1].DoseEA2, 9);
        Assert.Equal(0, reports[^1].LostFrames);
        Assert.Equal(expected.Count, monitor.Statistics.Rejected);
    }
}

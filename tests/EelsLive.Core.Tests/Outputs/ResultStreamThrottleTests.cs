using EelsLive.TestSupport;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using EelsLive.Alarms;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Pipeline;

namespace EelsLive.Core.Tests.Outputs;

/// <summary>Results are throttled (leading and trailing edge) in virtual time; alarms are never delayed.</summary>
public class ResultStreamThrottleTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UnixEpoch.AddDays(20_000);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100); // 10 Hz, the default

    // 1,000 real FrameReported events (seq 0 … 999) from a pipeline-only engine.
    private static readonly Lazy<FrameReported[]> Frames = new(() =>
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null });
        return Enumerable.Range(0, 1000).SelectMany(i => engine.Process(TestFrames.Wire(TestFrames.Frame(i)))).OfType<FrameReported>().ToArray();
    });

    private static FrameReported Reported(int seq) => Frames.Value[seq];

    private static AlarmChanged Alarm(long seq) =>
        new(ResultStreamEncoderTests.EdgeCaseReport(seq, alarm: "warning", dose: seq), null, new BudgetStatus(0.9, BudgetAlert.Approaching, 10));

    [Fact]
    public void A_thousand_reports_in_one_second_give_at_most_ten_results_plus_the_trailing_last_while_every_alarm_goes_at_once()
    {
        var scheduler = new HistoricalScheduler(Start);
        var events = new Subject<PipelineEvent>();
        var sent = new List<(TimeSpan At, ResultStreamMessage Message)>();
        using var _ = ResultStreamThrottle.Apply(events, Interval, scheduler).Subscribe(m => sent.Add((scheduler.Now - Start, m)));

        int alarms = 0;
        for (int i = 0; i < 1000; i++)
        {
            scheduler.AdvanceTo(Start + TimeSpan.FromMilliseconds(i));
            events.OnNext(Reported(i));
            if (i % 97 == 3)
            {
                events.OnNext(Alarm(i));
                alarms++;
                var (at, message) = sent[^1];
                Assert.Equal(ResultStreamTopics.Alarm, message.Topic);
                Assert.Equal(i, message.Report.Seq);
                Assert.Equal(TimeSpan.FromMilliseconds(i), at); // at once, in the same virtual instant
            }
        }

        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        var results = sent.Where(s => s.Message.Topic == ResultStreamTopics.Result).ToList();
        Assert.Equal(alarms, sent.Count(s => s.Message.Topic == ResultStreamTopics.Alarm));
        Assert.InRange(results.Count, 2, 10 + 1);
        Assert.Equal(0, results[0].Message.Report.Seq); // leading edge: the first report after a quiet spell is not delayed
        Assert.Equal(TimeSpan.Zero, results[0].At);
        Assert.Equal(999, results[^1].Message.Report.Seq); // trailing edge: the final state is never lost
        Assert.InRange(results[^1].At, TimeSpan.FromMilliseconds(999), TimeSpan.FromMilliseconds(999) + Interval);
        for (int k = 1; k < results.Count; k++)
        {
            Assert.True(results[k].At - results[k - 1].At >= Interval, $"results {k - 1} and {k} are closer than {Interval}");
            Assert.True(results[k].Message.Report.Seq > results[k - 1].Message.Report.Seq, "results must keep their order");
        }
    }

    [Fact]
    public void After_a_quiet_spell_the_next_report_goes_out_at_once_and_a_lone_report_is_not_repeated()
    {
        var scheduler = new HistoricalScheduler(Start);
        var events = new Subject<PipelineEvent>();
        var sent = new List<long>();
        using var _ = ResultStreamThrottle.Apply(events, Interval, scheduler).Subscribe(m => sent.Add(m.Report.Seq));

        events.OnNext(Reported(1));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));
        events.OnNext(Reported(2));
        Assert.Equal([1L, 2L], sent);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));
        Assert.Equal([1L, 2L], sent);
    }

    [Fact]
    public void When_the_events_complete_the_pending_last_report_is_sent_at_once()
    {
        var scheduler = new HistoricalScheduler(Start);
        var events = new Subject<PipelineEvent>();
        var sent = new List<long>();
        bool completed = false;
        using var _ = ResultStreamThrottle.Apply(events, Interval, scheduler).Subscribe(m => sent.Add(m.Report.Seq), () => completed = true);

        events.OnNext(Reported(1));
        events.OnNext(Reported(2));
        events.OnNext(Reported(3));
        events.OnNext(new SeriesStarted("other", null)); // not a result: ignored
        Assert.Equal([1L], sent);
        events.OnCompleted();
        Assert.Equal([1L, 3L], sent);
        Assert.True(completed);
    }

    [Fact]
    public async Task The_publisher_applies_the_throttle_on_its_injected_scheduler_and_sends_every_alarm()
    {
        var scheduler = new HistoricalScheduler(Start);
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var events = new Subject<PipelineEvent>();

        long results, alarmsSent;
        int alarms = 0;
        using (var publisher = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = endpoint }, scheduler))
        {
            publisher.Start();
            using var attached = publisher.Attach(events);
            for (int i = 0; i < 1000; i++)
            {
                scheduler.AdvanceTo(Start + TimeSpan.FromMilliseconds(i));
                events.OnNext(Reported(i));
                if (i % 100 == 50)
                {
                    events.OnNext(Alarm(i));
                    alarms++;
                }
            }

            scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
            Assert.True(await Eventually(() => publisher.ResultsSent + publisher.AlarmsSent == 11 + alarms), "every chosen message must reach the socket");
            results = publisher.ResultsSent;
            alarmsSent = publisher.AlarmsSent;
            Assert.Equal(0, publisher.Dropped);
            Assert.Equal(0, publisher.SendFailures);
        }

        Assert.Equal(11, results);
        Assert.Equal(alarms, alarmsSent);
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        return condition();
    }
}

using EelsLive.Pipeline;
using EelsLive.Protocol;

namespace EelsLive.Core.Tests.Pipeline;

public class SeriesTrackerTests
{
    [Fact]
    public void Gaps_count_lost_frames_and_duplicates_or_backward_seq_are_rejected()
    {
        var tracker = new SeriesTracker();
        tracker.Begin("a");
        Assert.Null(tracker.CheckSeq(0, out long lost));
        Assert.Equal(0, lost);
        tracker.Accept(0, lost);
        Assert.Null(tracker.CheckSeq(5, out lost));
        Assert.Equal(4, lost);
        tracker.Accept(5, lost);
        Assert.Equal(4, tracker.LostFrames);
        Assert.Equal(RejectionKind.DuplicateSeq, tracker.CheckSeq(5, out _)!.Kind);
        Assert.Equal(RejectionKind.BackwardSeq, tracker.CheckSeq(3, out _)!.Kind);
    }

    [Fact]
    public void A_late_subscriber_counts_the_frames_it_never_saw()
    {
        var tracker = new SeriesTracker();
        tracker.Begin("a");
        Assert.Null(tracker.CheckSeq(7, out long lost));
        Assert.Equal(7, lost);
    }

    [Fact]
    public void A_replaced_series_is_stale()
    {
        var tracker = new SeriesTracker();
        tracker.Begin("a");
        tracker.Begin("b");
        Assert.Equal(RejectionKind.StaleSeries, tracker.CheckSeries("a")!.Kind);
        Assert.Null(tracker.CheckSeries("b"));
        Assert.True(tracker.IsNewSeries("c"));
        Assert.False(tracker.IsNewSeries("a"));
    }
}

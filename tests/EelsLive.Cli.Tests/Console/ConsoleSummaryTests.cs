using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.TestSupport;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The once-a-second summary line of <c>monitor --quiet</c>, and what it says when refits are coalesced.</summary>
public class ConsoleSummaryTests
{
    [Fact]
    public void The_line_says_how_many_frames_shared_a_refit_only_while_frames_come_faster_than_refits()
    {
        var stats = new MonitorStatistics();
        var time = new ManualTime();
        var output = new StringWriter();
        var summary = new ConsoleSummary(output, stats, time);
        long seq = 0;

        // First second: every frame refitted. Second: 32 frames, 2 refits (a burst coalesced). Third: nothing new.
        for (var i = 0; i < 10; i++)
        {
            stats.Observe(Frame(seq++, refitted: true));
        }

        time.Ticks += TimeSpan.TicksPerSecond;
        summary.WriteLine();
        for (var i = 0; i < 32; i++)
        {
            stats.Observe(Frame(seq++, refitted: i % 16 == 15));
        }

        time.Ticks += TimeSpan.TicksPerSecond;
        summary.WriteLine();
        time.Ticks += TimeSpan.TicksPerSecond;
        summary.WriteLine();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[s1] frames 10 (10/s)  dose 50 e/Å² (25 e/Å²/s)  lost 0  rejected 0", lines[0]);
        Assert.Equal("[s1] frames 42 (32/s)  dose 210 e/Å² (25 e/Å²/s)  lost 0  rejected 0  refitted 1 in 16 frames", lines[1]);
        Assert.Equal("[s1] frames 42 (0/s)  dose 210 e/Å² (25 e/Å²/s)  lost 0  rejected 0", lines[2]);
        Assert.Equal(12, stats.Refits);
    }

    private static FrameReported Frame(long seq, bool refitted)
    {
        double dose = 5 * (seq + 1);
        var report = new FrameReport("s1", seq, 1_700_000_000 + (0.2 * seq), dose, false, 25, 0, 0, [], "ok", [], null, refitted ? 0.4 : null);
        var frame = new FrameMessage("s1", seq, report.T, 0.2, 1, 0, 1, SpectrumCounts.FromValues([1.0], CountsDtype.F32));
        var step = new DoseStep(dose, 5, dose - 2.5, false, 25, DoseSource.FrameDose);
        return new FrameReported(report, new FrameMeasurement(frame, step, 0, 0, 1e6, [], []), null);
    }
}

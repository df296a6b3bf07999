using EelsLive.Outputs;
using EelsLive.Protocol;
using EelsLive.TestSupport;

namespace EelsLive.Core.Tests.Outputs;

public class RejectionLogTests
{
    [Fact]
    public void A_flood_is_rate_limited_and_the_suppressed_count_is_reported_in_the_next_line()
    {
        var lines = new List<string>();
        var time = new ManualTime();
        var log = new RejectionLog(lines.Add, time, linesPerSecond: 3);
        var rejection = new Rejection(RejectionKind.NonFiniteCounts, "counts[10] is NaN; counts must be finite");
        for (int i = 1; i <= 1000; i++)
        {
            log.Log(rejection, i);
        }

        Assert.Equal(3, lines.Count);
        Assert.Equal(997, log.Suppressed);
        Assert.Contains("NonFiniteCounts: counts[10] is NaN", lines[0]);

        time.Ticks += TimeSpan.TicksPerSecond;
        log.Log(rejection, 1001);
        Assert.Equal(4, lines.Count);
        Assert.Contains("997 earlier rejections not logged", lines[3]);
        Assert.Equal(0, log.Suppressed);
    }
}

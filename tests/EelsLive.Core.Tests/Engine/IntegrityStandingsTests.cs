using EelsLive.Engine;

namespace EelsLive.Core.Tests.Engine;

/// <summary>The one rule by which the console reads a window's integrity against θ: its central value, its 90% interval, and whether it changes at all.</summary>
public class IntegrityStandingsTests
{
    [Theory]
    [InlineData(0.14, 0.04, 0.29, true, nameof(IntegrityStanding.Below))]
    [InlineData(0.36, 0.04, 0.72, true, nameof(IntegrityStanding.ProbablyBelow))]
    [InlineData(0.494, 0.30, 0.70, true, nameof(IntegrityStanding.ProbablyBelow))]
    [InlineData(0.497, 0.30, 0.70, true, nameof(IntegrityStanding.NotBelow))]
    [InlineData(0.80, 0.60, 0.90, true, nameof(IntegrityStanding.NotBelow))]
    [InlineData(0.14, 0.04, 0.29, false, nameof(IntegrityStanding.NotBelow))]
    public void Standing_against_half_follows_the_interval_and_the_central_value_as_the_console_shows_it(double integrity, double lo, double hi, bool changing, string expected)
    {
        var report = new WindowReport("c_o", 10, 15, 1e5, 0.5, integrity, lo, hi, null, null, null, null);
        Assert.Equal(expected, IntegrityStandings.Of(report, 0.5, changing).ToString());
    }

    [Fact]
    public void A_window_without_integrity_is_not_below()
    {
        var report = new WindowReport("c_o", 10, 15, 1e5, null, null, null, null, null, null, null, null);
        Assert.Equal(IntegrityStanding.NotBelow, IntegrityStandings.Of(report, 0.5, changing: true));
    }

    [Fact]
    public void The_level_is_a_parameter_so_a_threshold_other_than_half_is_read_the_same_way()
    {
        var report = new WindowReport("c_o", 10, 15, 1e5, 0.5, 0.45, 0.30, 0.60, null, null, null, null);
        Assert.Equal(IntegrityStanding.ProbablyBelow, IntegrityStandings.Of(report, 0.5, changing: true));
        Assert.Equal(IntegrityStanding.NotBelow, IntegrityStandings.Of(report, 0.3, changing: true));
        Assert.Equal(IntegrityStanding.Below, IntegrityStandings.Of(report, 0.7, changing: true));
    }
}

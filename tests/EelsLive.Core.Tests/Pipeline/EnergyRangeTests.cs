using EelsLive.Pipeline;

namespace EelsLive.Core.Tests.Pipeline;

/// <summary>The energy range a frame's channels cover, and how much of a window lies inside it.</summary>
public class EnergyRangeTests
{
    [Fact]
    public void The_range_runs_from_the_lower_edge_of_the_first_channel_to_the_upper_edge_of_the_last()
    {
        var range = EnergyRange.OfChannels(offsetEv: -5, dispersionEv: 0.1, channels: 512);

        Assert.Equal(-5.05, range.LoEv, 12);
        Assert.Equal(46.15, range.HiEv, 12);
    }

    [Theory]
    [InlineData(4, 7, 1.0)]      // wholly inside
    [InlineData(250, 260, 0.0)]  // wholly above
    [InlineData(-20, -10, 0.0)]  // wholly below
    [InlineData(40, 50, 0.615)]  // 40–46.15 of 40–50
    [InlineData(-6.05, -4.05, 0.5)]
    public void Coverage_is_the_fraction_of_the_window_inside_the_range(double lo, double hi, double expected)
    {
        var range = EnergyRange.OfChannels(offsetEv: -5, dispersionEv: 0.1, channels: 512);

        Assert.Equal(expected, range.Coverage(new EnergyWindow("w", lo, hi)), 9);
    }
}

using EelsLive.Simulation;

namespace EelsLive.Simulation.Tests;

/// <summary>The wait after a publisher's last message grows with the backlog a burst leaves queued, within bounds.</summary>
public class BurstDrainTests
{
    private static readonly PublisherOptions Options = new();

    [Fact]
    public void Paced_publishing_waits_only_the_base_delay()
    {
        // 100 frames over 10 s: a subscriber reading 20,000/s has long caught up.
        Assert.Equal(Options.DrainDelay, BurstDrain.Delay(Options, 100, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_burst_faster_than_the_assumed_subscriber_waits_for_its_backlog()
    {
        // 60,000 frames in 1 s: 40,000 are still to be read at 20,000/s, i.e. 2 s more.
        Assert.Equal(Options.DrainDelay + TimeSpan.FromSeconds(2), BurstDrain.Delay(Options, 60_000, TimeSpan.FromSeconds(1)));
        Assert.True(BurstDrain.Delay(Options, 120_000, TimeSpan.FromSeconds(1)) > BurstDrain.Delay(Options, 60_000, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_wait_is_capped()
    {
        var options = new PublisherOptions { MaxDrain = TimeSpan.FromSeconds(3) };
        Assert.Equal(TimeSpan.FromSeconds(3), BurstDrain.Delay(options, 10_000_000, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void A_publisher_refuses_a_subscriber_rate_that_is_not_positive(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorPublisher(new PublisherOptions { AssumedSubscriberRate = rate, Endpoint = "tcp://127.0.0.1:0" }));
    }
}

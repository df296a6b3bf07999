using EelsLive.Cli.Hosting;

namespace EelsLive.Cli.Tests.Hosting;

/// <summary>The list of settings eelslive reads, read from every command's options.</summary>
public class UnknownSettingsTests
{
    [Fact]
    public void Every_commands_options_are_settings_and_help_is_not()
    {
        Assert.Contains("LeadDose", UnknownSettings.Names);
        Assert.Contains("Connect", UnknownSettings.Names);       // monitor
        Assert.Contains("FramesOut", UnknownSettings.Names);     // validate
        Assert.Contains("MinSeries", UnknownSettings.Names);     // kinetic-orders
        Assert.DoesNotContain("Help", UnknownSettings.Names);
    }
}

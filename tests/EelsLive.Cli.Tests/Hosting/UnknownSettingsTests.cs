using EelsLive.Cli.Hosting;

namespace EelsLive.Cli.Tests.Hosting;

/// <summary>The list of settings eelslive reads, and the edit distance that suggests the one a misspelt key meant.</summary>
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

    [Theory]
    [InlineData("budgetdose", "budgetdoze", 1)]
    [InlineData("leaddose", "leaddose", 0)]
    [InlineData("threshold", "treshhold", 2)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_single_character_edits(string a, string b, int expected) =>
        Assert.Equal(expected, UnknownSettings.Distance(a, b));
}

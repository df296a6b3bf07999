using EelsLive.Cli.Commands;
using EelsLive.Model;
using Microsoft.Extensions.Configuration;

namespace EelsLive.Cli.Tests.Commands;

/// <summary>How the shared engine options turn settings into model and alarm options.</summary>
public class EngineOptionSetTests
{
    /// <summary>The ordering priors built from settings as appsettings.json or the command line would give them.</summary>
    private static IReadOnlyList<OrderingPrior> OrderingFrom(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("EelsLive:" + s.Key, s.Value)))
            .Build();
        return EngineOptionSet.Build(configuration).ModelOptions.OrderingPriors;
    }

    [Fact]
    public void By_default_c_o_is_taken_to_damage_at_least_as_fast_as_c_c()
    {
        Assert.Equal([new OrderingPrior("c_o", "c_c")], OrderingFrom());
    }

    [Fact]
    public void Without_one_of_the_two_windows_the_default_ordering_is_dropped()
    {
        Assert.Empty(OrderingFrom(("Windows", "pi_pi:1:3,c_o:10:15")));
    }

    [Fact]
    public void The_ordering_priors_can_be_replaced_or_switched_off()
    {
        Assert.Equal([new OrderingPrior("c_c", "c_o"), new OrderingPrior("c_o", "m_o")], OrderingFrom(("OrderingPriors", "c_c>c_o,c_o>m_o")));
        Assert.Empty(OrderingFrom(("OrderingPriors", "none")));
    }

    [Theory]
    [InlineData("c_o>x_y", "--ordering-priors names 'x_y', which is not one of the windows")]
    [InlineData("c_o-c_c", "--ordering-priors: ordering prior 'c_o-c_c' is not \"more>less\"")]
    public void An_ordering_prior_that_cannot_apply_is_refused_with_the_option_named(string value, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => OrderingFrom(("OrderingPriors", value)));
        Assert.True(error is ArgumentException or FormatException, error.GetType().Name);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_every_kinetic_order_is_estimated_and_known_ones_are_read_from_the_settings()
    {
        Assert.Empty(Build().ModelOptions.KnownOrders);
        Assert.Equal([new KnownOrder("c_c", 1.6), new KnownOrder("c_o", 1.8)], Build(("KineticOrder", "c_c=1.6,c_o=1.8")).ModelOptions.KnownOrders);
        Assert.Empty(Build(("KineticOrder", "none")).ModelOptions.KnownOrders);
    }

    [Theory]
    [InlineData("x_y=2", "--kinetic-order names 'x_y', which is not one of the windows")]
    [InlineData("c_c=4", "--kinetic-order: kinetic order 'c_c=4' must be between 1 and 3")]
    [InlineData("c_c:2", "--kinetic-order: kinetic order 'c_c:2' is not \"name=p\"")]
    public void A_kinetic_order_that_cannot_apply_is_refused_with_the_option_named(string value, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => Build(("KineticOrder", value)));
        Assert.True(error is ArgumentException or FormatException, error.GetType().Name);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static EelsLive.Engine.MonitorOptions Build(params (string Key, string Value)[] settings) =>
        EngineOptionSet.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("EelsLive:" + s.Key, s.Value)))
            .Build());
}

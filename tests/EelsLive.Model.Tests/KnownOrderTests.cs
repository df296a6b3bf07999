namespace EelsLive.Model.Tests;

/// <summary>The "name=p" list of known kinetic orders that <c>--kinetic-order</c> takes.</summary>
public class KnownOrderTests
{
    [Fact]
    public void Orders_are_read_in_order_with_spaces_ignored()
    {
        var orders = KnownOrder.ParseList(" c_c = 1.6 , c_o=2.5,m_o=1 ");
        Assert.Equal([new KnownOrder("c_c", 1.6), new KnownOrder("c_o", 2.5), new KnownOrder("m_o", 1)], orders);
        Assert.Equal("c_c=1.6", orders[0].ToString());
    }

    [Theory]
    [InlineData("c_o=1.8±0.2")]
    [InlineData("c_o = 1.8 +- 0.2")]
    [InlineData("c_o=1.8 ± 0.2")]
    public void An_order_can_carry_its_uncertainty(string text)
    {
        var known = Assert.Single(KnownOrder.ParseList(text));
        Assert.Equal(new KnownOrder("c_o", 1.8, 0.2), known);
        Assert.False(known.IsExact);
        Assert.Equal("c_o=1.8±0.2", known.ToString());
        Assert.True(KnownOrder.ParseList("c_o=1.8")[0].IsExact);
    }

    [Theory]
    [InlineData("none")]
    [InlineData(" None ")]
    public void None_means_every_order_is_estimated(string text) => Assert.Empty(KnownOrder.ParseList(text));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("c_c", "'c_c' is not \"name=p\"")]
    [InlineData("c_c=", "'c_c=' is not \"name=p\"")]
    [InlineData("=1.5", "'=1.5' is not \"name=p\"")]
    [InlineData("c_c=fast", "'c_c=fast' is not \"name=p\"")]
    [InlineData("c_c=1,5", "'5' is not \"name=p\"")]
    [InlineData("c_c=0.9", "'c_c=0.9' must be between 1 and 3")]
    [InlineData("c_c=3.5", "'c_c=3.5' must be between 1 and 3")]
    [InlineData("c_c=NaN", "'c_c=NaN' must be between 1 and 3")]
    [InlineData("c_c=1.5,c_c=2", "window 'c_c' is given twice")]
    [InlineData("c_c=1.5±-0.1", "'c_c=1.5±-0.1': the uncertainty must be between 0 and 2")]
    [InlineData("c_c=1.5±2.5", "'c_c=1.5±2.5': the uncertainty must be between 0 and 2")]
    [InlineData("c_c=1.5±wide", "'c_c=1.5±wide' is not \"name=p\"")]
    [InlineData("c_c=1.5±0.1±0.1", "'c_c=1.5±0.1±0.1' is not \"name=p\"")]
    public void A_malformed_list_is_refused_naming_the_part(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => KnownOrder.ParseList(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_order_that_can_be_given_is_the_models_bound_on_p()
    {
        Assert.Equal(EelsLive.Model.Physics.MonotoneHazard.MaxOrder, KnownOrder.MaxOrder);
        Assert.True(KnownOrder.IsAllowed(KnownOrder.MaxOrder));
        Assert.False(KnownOrder.IsAllowed(Math.BitIncrement(KnownOrder.MaxOrder)));
        Assert.True(KnownOrder.IsAllowed(1));
        Assert.False(KnownOrder.IsAllowed(Math.BitDecrement(1.0)));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("c_c=1.6")]
    [InlineData("c_c=1.6±0.2,c_o=1.8,m_o=1±0.05")]
    public void A_formatted_list_reads_back_as_the_same_orders(string text)
    {
        var orders = KnownOrder.ParseList(text);
        Assert.Equal(text, KnownOrder.FormatList(orders));
        Assert.Equal(orders, KnownOrder.ParseList(KnownOrder.FormatList(orders)));
    }
}

namespace EelsLive.Model.Tests;

/// <summary>The "more&gt;less" list of ordering priors that <c>--ordering-priors</c> takes.</summary>
public class OrderingPriorTests
{
    [Fact]
    public void Pairs_are_read_in_order_with_spaces_ignored()
    {
        var priors = OrderingPrior.ParseList(" c_o > c_c , c_c>m_o ");
        Assert.Equal([new OrderingPrior("c_o", "c_c"), new OrderingPrior("c_c", "m_o")], priors);
        Assert.Equal("c_o>c_c", priors[0].ToString());
    }

    [Theory]
    [InlineData("none")]
    [InlineData(" NONE ")]
    public void None_means_no_ordering(string text) => Assert.Empty(OrderingPrior.ParseList(text));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("c_o", "'c_o' is not \"more>less\"")]
    [InlineData("c_o>c_c>m_o", "'c_o>c_c>m_o' is not \"more>less\"")]
    [InlineData("c_o>", "'c_o>' is not \"more>less\"")]
    [InlineData("c_o>c_o", "names the same window twice")]
    [InlineData("c_o>c_c,c_o>c_c", "appears twice")]
    public void A_malformed_list_is_refused_naming_the_part(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => OrderingPrior.ParseList(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

using EelsLive.CommandLine;

namespace EelsLive.Cli.Tests.Shared;

/// <summary>The edit distance behind the "did you mean" of misspelt settings, options and commands.</summary>
public class EditDistanceTests
{
    [Theory]
    [InlineData("budgetdose", "budgetdoze", 1)]
    [InlineData("leaddose", "leaddose", 0)]
    [InlineData("threshold", "treshhold", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("monitor", "montor", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Counts_single_character_edits_either_way(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}

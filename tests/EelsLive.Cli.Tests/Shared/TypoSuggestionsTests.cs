using System.CommandLine;
using EelsLive.CommandLine;

namespace EelsLive.Cli.Tests.Shared;

/// <summary>What a word that is not an option or command probably meant.</summary>
public class TypoSuggestionsTests
{
    private static readonly Command Monitor = new("monitor")
    {
        new Option<double>("--threshold"),
        new Option<double>("--lead-dose"),
        new Option<double>("--budget-dose"),
        new Option<string>("--connect", "-c"),
        new Option<bool>("--secret") { Hidden = true },
    };

    private static readonly RootCommand Root = new() { Monitor, new Command("analyze"), new Command("demo") };

    [Theory]
    [InlineData("--treshold", "--threshold")]
    [InlineData("--THRESHOLD", "--threshold")]
    [InlineData("--budget-doze", "--budget-dose")]
    [InlineData("--lead", "--lead-dose")]
    [InlineData("--conect", "--connect")]
    public void A_misspelt_or_shortened_option_names_the_option(string word, string meant) =>
        Assert.Equal([meant], TypoSuggestions.For(Monitor, word));

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--do")]      // begins two options: none is named
    [InlineData("--secrt")]   // hidden options are not offered
    [InlineData("threshold")] // a word without dashes is looked up among commands
    public void A_word_close_to_no_visible_option_names_none(string word) =>
        Assert.Empty(TypoSuggestions.For(Monitor, word));

    [Fact]
    public void A_misspelt_command_names_the_command_and_a_short_word_is_not_guessed()
    {
        Assert.Equal(["monitor"], TypoSuggestions.For(Root, "montor"));
        Assert.Equal(["analyze"], TypoSuggestions.For(Root, "analyse"));
        Assert.Empty(TypoSuggestions.For(Root, "x"));
    }
}

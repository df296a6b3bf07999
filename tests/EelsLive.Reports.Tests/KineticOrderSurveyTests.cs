using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports.Tests;

/// <summary>Measuring each window's kinetic order over past series, as a facility would before giving <c>--kinetic-order</c>.</summary>
public class KineticOrderSurveyTests
{
    [Fact]
    public void The_suggestion_is_the_median_final_order_with_the_spread_as_its_uncertainty_and_at_least_a_tenth()
    {
        var measured = KineticOrderSurvey.Measure(
        [
            File("a.jsonl", Series("s1", ("c_c", KineticsLaw.OrderP(1.52), 900), ("c_o", KineticsLaw.OrderP(1.81), 800))),
            File("b.jsonl", Series("s2", ("c_c", KineticsLaw.OrderP(2.04), 1000), ("c_o", KineticsLaw.OrderP(1.79), 850)),
                            Series("s3", ("c_c", KineticsLaw.OrderP(1.66), 1100), ("c_o", KineticsLaw.OrderP(1.80), 820))),
        ]);

        var cc = measured.Single(m => m.Window == "c_c");
        Assert.Equal([1.52, 2.04, 1.66], cc.Orders);
        Assert.Equal(new KnownOrder("c_c", 1.66, 0.27), cc.Suggested); // sd 0.269 rounded up
        var co = measured.Single(m => m.Window == "c_o");
        Assert.Equal(new KnownOrder("c_o", 1.8, KineticOrderSurvey.MinimumUncertainty), co.Suggested); // sd 0.01
        Assert.All(measured.SelectMany(m => m.Series), s => Assert.Null(s.Reason));
        Assert.Equal(["a.jsonl", "b.jsonl", "b.jsonl"], cc.Series.Select(s => s.Source));
    }

    [Fact]
    public void A_series_that_cannot_tell_the_order_does_not_count_and_says_why()
    {
        var measured = KineticOrderSurvey.Measure(
        [
            File("a.jsonl",
                Series("stretched", ("c_c", KineticsLaw.Stretched(0.61), 900)),
                Series("short", ("c_c", KineticsLaw.OrderP(1.7), 2000)),
                Series("intact", ("c_c", KineticsLaw.OrderP(1.0), null)),
                Series("classical", ("c_c", null, 900)),
                Series("counts", ("c_c", KineticsLaw.OrderP(1.7), 900))),
        ]);

        var reasons = measured.Single().Series.ToDictionary(s => s.SeriesId, s => s.Reason);
        Assert.Equal("ended on a stretched exponential (β = 0.61), which has no order", reasons["stretched"]);
        Assert.StartsWith("reached 2.0 × D50, fewer than 3", reasons["short"], StringComparison.Ordinal);
        Assert.StartsWith("its D50 was not estimable", reasons["intact"], StringComparison.Ordinal);
        Assert.StartsWith("no kinetics law", reasons["classical"], StringComparison.Ordinal);
        Assert.Null(reasons["counts"]);
        Assert.Null(measured.Single().Suggested); // one series counts, three are needed
        Assert.Equal(new KnownOrder("c_c", 1.7, 0.1), KineticOrderSurvey.Measure([File("a.jsonl", Series("counts", ("c_c", KineticsLaw.OrderP(1.7), 900)))], minimumSeries: 1).Single().Suggested);
    }

    [Fact]
    public void An_order_that_never_moved_was_given_in_that_run_and_is_not_counted_as_measured()
    {
        var given = Enumerable.Range(1, 20).Select(i => Report("s1", 200.0 * i, ("c_o", KineticsLaw.OrderP(1.8), 800))).ToList();
        var estimated = Enumerable.Range(1, 20).Select(i => Report("s2", 200.0 * i, ("c_o", KineticsLaw.OrderP(1.7 + (0.001 * i)), 800))).ToList();

        var series = KineticOrderSurvey.Measure([("given.jsonl", given), ("estimated.jsonl", estimated)], minimumSeries: 1).Single().Series;

        Assert.StartsWith("its order stayed at exactly 1.8 in every frame", series[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1.72, series[1].Order!.Value, 9);
    }

    [Fact]
    public void A_series_given_in_several_files_counts_once_and_the_others_are_listed_as_duplicates()
    {
        var s1 = Series("s1", ("c_o", KineticsLaw.OrderP(1.8), 800));
        var measured = KineticOrderSurvey.Measure(
        [
            File("ko.jsonl", s1),
            File("ko.jsonl", s1),
            File("replay.eelsrec", s1, Series("s2", ("c_o", KineticsLaw.OrderP(1.7), 800))),
        ]).Single();

        Assert.Equal([1.8, 1.7], measured.Orders);
        Assert.Null(measured.Suggested); // two distinct series, three are needed
        Assert.Equal(
            [(string?)null, "duplicate of series s1 from ko.jsonl: a series counts once", "duplicate of series s1 from ko.jsonl: a series counts once", null],
            measured.Series.Select(s => s.Reason));
        Assert.Equal(["ko.jsonl", "ko.jsonl", "replay.eelsrec", "replay.eelsrec"], measured.Series.Select(s => s.Source));
    }

    /// <summary>A file's frames: each series as one last frame at 4000 e/Å².</summary>
    private static (string, IReadOnlyList<FrameReport>) File(string name, params FrameReport[] series) => (name, series);

    private static FrameReport Series(string id, params (string Window, KineticsLaw? Law, double? D50)[] windows) => Report(id, 4000, windows);

    private static FrameReport Report(string id, double dose, params (string Window, KineticsLaw? Law, double? D50)[] windows) => new(
        id, (long)dose, 1_700_000_000 + dose, dose, false, 25, 0, 0,
        [.. windows.Select(w => new WindowReport(w.Window, 4, 7, 1e5, 0.5, 0.1, 0.05, 0.2, w.D50, w.D50 * 0.9, w.D50 * 1.1, w.D50) { Kinetics = w.Law })],
        "ok", [], null, 0.4);
}

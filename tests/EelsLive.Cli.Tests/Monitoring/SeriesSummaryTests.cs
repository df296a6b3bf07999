using EelsLive.Cli.Monitoring;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol;

namespace EelsLive.Cli.Tests.Monitoring;

/// <summary>The table <c>analyze</c> prints at the end of each series.</summary>
public class SeriesSummaryTests
{
    [Fact]
    public void The_table_ends_with_every_change_of_a_windows_law_in_the_order_they_happened()
    {
        var summary = new SeriesSummary();
        var first = Report(300, KineticsLaw.Stretched(0.72));
        var second = Report(2595, KineticsLaw.OrderP(2.104));
        summary.Observe(Frame(first));
        summary.Observe(new KineticsChanged(first, "c_o", KineticsLaw.OrderP(1.23), KineticsLaw.Stretched(0.72)));
        summary.Observe(Frame(second));
        summary.Observe(new KineticsChanged(second, "c_o", KineticsLaw.Stretched(0.70), KineticsLaw.OrderP(2.104)));

        string[] lines = summary.Render().Split('\n');
        Assert.StartsWith("c_o ", lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("order p = 2.10", lines[^2].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(
            "kinetics changed: c_o at 300 e/Å² (order p = 1.23 → stretched β = 0.72); c_o at 2595 e/Å² (stretched β = 0.70 → order p = 2.10)",
            lines[^1]);
    }

    [Fact]
    public void Without_a_change_of_law_there_is_no_change_line()
    {
        var summary = new SeriesSummary();
        summary.Observe(Frame(Report(300, KineticsLaw.OrderP(1.5))));

        string text = summary.Render();
        Assert.EndsWith("order p = 1.50", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kinetics changed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.36, 0.72, true, "> 404 (probably passed)")]
    [InlineData(0.10, 0.30, true, "> 404 (probably passed)")]
    [InlineData(0.36, 0.72, false, "> 404 (not yet estimable)")]   // no significant change: integrity is not identified
    [InlineData(0.62, 0.90, true, "> 404 (not yet estimable)")]
    public void A_D50_not_yet_estimable_says_whether_the_window_has_probably_passed_half_integrity(double integrity, double hi, bool changing, string expected)
    {
        var w = new WindowReport("c_c", 4, 7, 6e5, 0.7, integrity, 0.04, hi, null, 404, null, null);

        Assert.Equal(expected, SeriesSummary.D50(w, changing));
    }

    [Fact]
    public void At_a_threshold_other_than_one_half_the_table_gives_its_crossing_dose_with_the_interval()
    {
        var at07 = new SeriesSummary(threshold: 0.7);
        var at05 = new SeriesSummary();
        var report = Report(1200, KineticsLaw.OrderP(1.8));
        report = report with { Windows = [report.Windows[0] with { CrossDoseEA2 = 640.4, CrossDoseLoEA2 = 560, CrossDoseHiEA2 = 730.2 }] };
        at07.Observe(Frame(report));
        at05.Observe(Frame(report));

        string[] lines = at07.Render().Split('\n');
        Assert.Contains("reaches 0.7 [90%] e/Å²", lines[1], StringComparison.Ordinal);
        Assert.Contains("640 [560, 730]", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("reaches", at05.Render(), StringComparison.Ordinal); // at 0.5 it is D50's column
        Assert.Equal("> 560 (not yet forecast)", SeriesSummary.Crossing(report.Windows[0] with { CrossDoseEA2 = null, CrossDoseHiEA2 = null }));
    }

    private static FrameReport Report(double dose, KineticsLaw law) => new(
        "s1", (long)dose, 1_700_000_000 + dose, dose, false, 25, 0, 0,
        [new WindowReport("c_o", 10, 15, 4.4e5, 0.58, 0.58, 0.52, 0.63, 900, 800, 1000, 900) { Kinetics = law }],
        "ok", [], null, 0.4);

    private static FrameReported Frame(FrameReport report)
    {
        var frame = new FrameMessage(report.SeriesId, report.Seq, report.T, 0.1, 1, 0, 1, SpectrumCounts.FromValues([1.0], CountsDtype.F32));
        var dose = new DoseStep(report.DoseEA2, 25, report.DoseEA2 - 12.5, false, report.DoseRateEA2PerS, DoseSource.FrameDose);
        var measurement = new FrameMeasurement(frame, dose, 0, 0, 1e6, [4.4e5], [0.44]);
        return new FrameReported(report, measurement, null);
    }
}

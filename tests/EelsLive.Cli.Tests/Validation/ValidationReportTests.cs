using EelsLive.Cli.Validation;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Validation;

/// <summary>The targets table names what fails, so a reader can find the windows without the per-frame files.</summary>
public class ValidationReportTests
{
    private static WindowOutcome Window(string name, double? trueD50, double? finalD50, double? trueCross = null, double? warning = null) =>
        new(name, trueD50, trueCross, finalD50, null, 0, 0, warning, IsAlarmWindow: trueCross is not null);

    private static ScenarioOutcome Scenario(int seed, params WindowOutcome[] windows) =>
        new(new ValidationScenario(SimulationPresets.OrderP, seed, ModelKind.Physics), 5000, windows, 0, 0.2, new ForecastCalibration());

    [Fact]
    public void Every_window_outside_ten_percent_is_named_with_its_error_or_no_estimate()
    {
        var report = new ValidationReport(
            [
                Scenario(1, Window("pi_pi", 1500, 1680), Window("c_c", 1000, 1050), Window("m_o", null, null)),
                Scenario(2, Window("pi_pi", 1500, null), Window("c_c", 1000, 960)),
            ],
            200);

        var check = Assert.Single(report.Checks(), c => c.Target.StartsWith("final D50 within 10%", StringComparison.Ordinal));

        Assert.False(check.Passed);
        Assert.Equal("2 of 4 outside: orderp/seed 1/physics pi_pi 12.0 %; orderp/seed 2/physics pi_pi no estimate", check.Measured);
    }

    [Fact]
    public void When_every_window_is_within_ten_percent_the_largest_error_is_given()
    {
        var report = new ValidationReport([Scenario(1, Window("c_c", 1000, 1050), Window("c_o", 700, 686))], 200);

        var check = Assert.Single(report.Checks(), c => c.Target.StartsWith("final D50 within 10%", StringComparison.Ordinal));

        Assert.True(check.Passed);
        Assert.Equal("max 5.0 % over 2 windows", check.Measured);
    }

    [Fact]
    public void The_lead_check_counts_the_warnings_that_came_more_than_2L_early()
    {
        var report = new ValidationReport(
            [Scenario(1, Window("c_c", 1000, 1000, trueCross: 1000, warning: 500), Window("c_o", 700, 700, trueCross: 700, warning: 450))],
            200);

        var check = Assert.Single(report.Checks(), c => c.Target.StartsWith("alarm lead", StringComparison.Ordinal));

        Assert.False(check.Passed);
        Assert.Equal("lead 250–500 e/Å² (median 375); 1 of 2 longer than 2L", check.Measured);
    }

    [Fact]
    public void The_crossing_dose_check_pools_the_checkpoints_with_an_interval_and_reports_the_not_before_doses()
    {
        var report = new ValidationReport(
            [
                Scenario(1, Window("c_c", 1000, 1000, trueCross: 1000) with { CrossIntervalChecks = 10, CrossIntervalCovered = 9, NotBeforeChecks = 4, NotBeforeHonest = 4 }),
                Scenario(2, Window("c_c", 1000, 1000, trueCross: 1000) with { CrossIntervalChecks = 10, CrossIntervalCovered = 7, NotBeforeChecks = 2, NotBeforeHonest = 1 }),
            ],
            200);

        var check = Assert.Single(report.Checks(), c => c.Target.StartsWith("90% crossing-dose intervals", StringComparison.Ordinal));

        Assert.False(check.Passed); // 16 of 20 = 80 %
        Assert.Equal("80.0 % of 20 checkpoints; where only a \"not before\" dose was given, it held at 5 of 6", check.Measured);
    }

    [Fact]
    public void Windows_outside_ten_percent_carry_the_reference_fits_errors_and_the_fits_are_summarised()
    {
        static WindowOutcome Fitted(string name, double trueD50, double finalD50, double trueFamily, double bestFamily, string family) =>
            Window(name, trueD50, finalD50) with { TrueFamilyFitD50 = trueFamily, BestFamilyFitD50 = bestFamily, BestFamily = family };
        var report = new ValidationReport(
            [
                Scenario(1, Fitted("pi_pi", 1500, 1680, 1770, 1290, "stretched_exponential"), Fitted("c_c", 1000, 1143, 1044, 1044, "order_p")),
                Scenario(2, Fitted("pi_pi", 1500, 1530, 1455, 1455, "order_p"), Fitted("c_c", 1000, 980, 1010, 1010, "order_p")),
            ],
            200);

        var check = Assert.Single(report.Checks(), c => c.Target.StartsWith("final D50 within 10%", StringComparison.Ordinal));

        Assert.Equal(
            "2 of 4 outside: orderp/seed 1/physics pi_pi 12.0 % (true-family fit 18.0 %, best-family fit 14.0 % stretched_exponential); "
            + "orderp/seed 1/physics c_c 14.3 % (true-family fit 4.4 %, best-family fit 4.4 % order_p); "
            + "least-squares fits to the same frames miss 1 of 4 knowing the true family (median 3.7 %) and 1 of 4 choosing the family the data favour (median 3.7 %)",
            check.Measured);
        var table = report.ReferenceTable();
        Assert.Contains("| orderp | physics | 4 | 7.0 % | 2 | 3.7 % | 1 | 3.7 % | 1 | 1 |", table, StringComparison.Ordinal);
        Assert.Contains(table, report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_reference_fits_the_report_has_no_reference_table()
    {
        var report = new ValidationReport([Scenario(1, Window("c_c", 1000, 1050))], 200);
        Assert.Equal("", report.ReferenceTable());
        Assert.DoesNotContain("true-family", report.ToMarkdown(), StringComparison.Ordinal);
    }
}

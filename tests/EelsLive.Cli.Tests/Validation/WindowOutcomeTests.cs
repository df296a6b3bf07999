using EelsLive.Cli.Validation;

namespace EelsLive.Cli.Tests.Validation;

/// <summary>The per-window judgements of the validation: alarm lead, critical lag and early criticals.</summary>
public class WindowOutcomeTests
{
    private static WindowOutcome Outcome(double? trueCross, double? warning, double? critical) =>
        new("c_o", 700, trueCross, 710, true, 10, 9, warning, IsAlarmWindow: true, critical);

    [Fact]
    public void Lead_and_lag_are_measured_from_the_true_crossing()
    {
        var outcome = Outcome(trueCross: 700, warning: 450, critical: 900);
        Assert.Equal(250, outcome.AlarmLead);
        Assert.Equal(200, outcome.CriticalLag);
        Assert.False(outcome.CriticalTooEarly);
    }

    [Fact]
    public void A_critical_before_the_crossing_has_a_negative_lag_and_counts_as_too_early()
    {
        var outcome = Outcome(trueCross: 700, warning: 300, critical: 435);
        Assert.Equal(-265, outcome.CriticalLag);
        Assert.True(outcome.CriticalTooEarly);
    }

    [Fact]
    public void Without_a_crossing_or_a_critical_there_is_no_lag_and_a_critical_on_a_window_that_never_crosses_is_too_early()
    {
        Assert.Null(Outcome(trueCross: 700, warning: null, critical: null).CriticalLag);
        var never = Outcome(trueCross: null, warning: null, critical: 1200);
        Assert.Null(never.CriticalLag);
        Assert.True(never.CriticalTooEarly);
    }

    [Theory]
    [InlineData(450.0, true)] // the first warning's episode lasted through the crossing
    [InlineData(600.0, true)] // a later warning, raised before the crossing, was in force at it
    [InlineData(705.0, false)] // raised again only after the crossing
    [InlineData(null, false)] // cleared before the crossing and nothing in force at it
    public void Only_a_warning_raised_before_the_crossing_and_in_force_at_it_counts_as_warned_through(double? since, bool expected)
    {
        var outcome = Outcome(trueCross: 700, warning: 450, critical: 900) with { WarningAtCrossingSince = since };
        Assert.Equal(250, outcome.AlarmLead);
        Assert.Equal(expected, outcome.WarnedThroughCrossing);
    }

    [Fact]
    public void The_reference_fits_errors_are_judged_on_the_same_windows_as_the_model_s()
    {
        var outcome = Outcome(trueCross: 700, warning: 450, critical: 900) with { TrueFamilyFitD50 = 742, BestFamilyFitD50 = 560 };
        Assert.Equal(0.06, outcome.TrueFamilyFitError(totalDose: 5000)!.Value, 12);
        Assert.Equal(0.20, outcome.BestFamilyFitError(totalDose: 5000)!.Value, 12);
        Assert.Null(outcome.TrueFamilyFitError(totalDose: 600)); // the window had not halved within the session
        Assert.Null(Outcome(trueCross: 700, warning: 450, critical: 900).BestFamilyFitError(5000));
    }
}

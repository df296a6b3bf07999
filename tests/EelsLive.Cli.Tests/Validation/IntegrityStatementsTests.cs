using EelsLive.Cli.Validation;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Validation;

/// <summary>How often each phrase the dashboards use for a window against θ was right, and how early a wrong "below" came.</summary>
public class IntegrityStatementsTests
{
    [Fact]
    public void Each_phrase_is_judged_against_the_true_crossing_at_the_dose_it_was_said()
    {
        var statements = new IntegrityStatements();
        statements.Add(IntegrityStanding.Below, 900, trueCrossingEA2: 850);          // right
        statements.Add(IntegrityStanding.ProbablyBelow, 700, trueCrossingEA2: 850);  // wrong, 150 e/Å² early
        statements.Add(IntegrityStanding.ProbablyBelow, 860, trueCrossingEA2: 850);  // right
        statements.Add(IntegrityStanding.NotBelow, 800, trueCrossingEA2: 850);       // right
        statements.Add(IntegrityStanding.NotBelow, 900, trueCrossingEA2: 850);       // wrong: already below

        Assert.Equal(5, statements.Count);
        Assert.Equal(1.0, statements.RightFraction(IntegrityStanding.Below));
        Assert.Equal(0.5, statements.RightFraction(IntegrityStanding.ProbablyBelow));
        Assert.Equal(0.5, statements.RightFraction(IntegrityStanding.NotBelow));
        Assert.Equal(150, statements.LargestEarlyByEA2);
    }

    [Fact]
    public void A_below_said_of_a_window_that_never_crosses_is_reported_as_such()
    {
        var statements = new IntegrityStatements();
        statements.Add(IntegrityStanding.Below, 400, trueCrossingEA2: double.PositiveInfinity);

        Assert.Equal(0.0, statements.RightFraction(IntegrityStanding.Below));
        Assert.Equal(double.PositiveInfinity, statements.LargestEarlyByEA2);
        Assert.Contains("never reaches θ was said to be below it", statements.ToMarkdown(0.5), StringComparison.Ordinal);
    }

    [Fact]
    public void Pooling_adds_the_counts_and_keeps_the_earliest_wrong_below()
    {
        var a = new IntegrityStatements();
        a.Add(IntegrityStanding.ProbablyBelow, 500, trueCrossingEA2: 700);
        var b = new IntegrityStatements();
        b.Add(IntegrityStanding.ProbablyBelow, 600, trueCrossingEA2: 650);
        b.Add(IntegrityStanding.Below, 700, trueCrossingEA2: 650);

        a.AddRange(b);

        Assert.Equal(3, a.Count);
        Assert.Equal(0.0, a.RightFraction(IntegrityStanding.ProbablyBelow));
        Assert.Null(a.RightFraction(IntegrityStanding.NotBelow));
        Assert.Equal(200, a.LargestEarlyByEA2);
        Assert.Contains("| probably below 0.4 | 2 | 0.0 % |", a.ToMarkdown(0.4), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaging_session_says_below_only_once_the_window_truly_is_and_the_report_shows_the_table()
    {
        var options = new MonitorOptions();
        var outcome = ValidationRunner.Run(new ValidationScenario(SimulationPresets.Exponential, 1, ModelKind.Physics, Frames: 600), options);

        // By 3000 e/Å² C–C and C–O are far past half integrity: many frames say "below", and those are right.
        Assert.True(outcome.Statements.Said(IntegrityStanding.Below) > 300, $"{outcome.Statements.Said(IntegrityStanding.Below)} 'below'");
        Assert.True(outcome.Statements.RightFraction(IntegrityStanding.Below) >= 0.99, $"right {outcome.Statements.RightFraction(IntegrityStanding.Below):P1}");
        Assert.Contains("What the dashboards said, physics model", new ValidationReport([outcome], options.Alarms.LeadDoseEA2).ToMarkdown(), StringComparison.Ordinal);
    }
}

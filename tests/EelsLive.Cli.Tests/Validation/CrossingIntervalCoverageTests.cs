using EelsLive.Cli.Validation;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Validation;

/// <summary>The validation checks the crossing dose's 90% interval against the true crossing, at any threshold.</summary>
public class CrossingIntervalCoverageTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void A_damaging_session_gives_bounded_crossing_intervals_that_mostly_hold_and_not_before_doses_that_all_hold(double threshold)
    {
        var options = new MonitorOptions { Alarms = new EelsLive.Alarms.AlarmOptions { Threshold = threshold } };
        options = options with { ModelOptions = options.ModelOptions with { Threshold = threshold } };

        var outcome = ValidationRunner.Run(new ValidationScenario(SimulationPresets.Exponential, 1, ModelKind.Physics, Frames: 600), options);

        var decaying = outcome.Windows.Where(w => w.Name is "c_c" or "c_o").ToList();
        int checks = decaying.Sum(w => w.CrossIntervalChecks);
        Assert.True(checks >= 20, $"{checks} checkpoints with a crossing interval");
        Assert.True(decaying.Sum(w => w.CrossIntervalCovered) >= 0.85 * checks, $"{decaying.Sum(w => w.CrossIntervalCovered)} of {checks} covered");
        Assert.Equal(outcome.Windows.Sum(w => w.NotBeforeChecks), outcome.Windows.Sum(w => w.NotBeforeHonest));
    }
}

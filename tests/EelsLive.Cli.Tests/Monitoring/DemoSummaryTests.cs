using EelsLive.Cli.Monitoring;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Monitoring;

/// <summary>The demo's closing table: final estimates beside the simulator's truth.</summary>
public class DemoSummaryTests
{
    [Fact]
    public void At_a_threshold_other_than_one_half_the_crossing_dose_stands_beside_the_true_one()
    {
        var series = new SimulatedSeries(new SimulationScenario(SimulationPresets.Mil101Fe, 1), new SeriesOptions { Frames = 10 });
        var window = new WindowReport("c_o", 10, 15, 4.4e5, 0.02, 0.1, 0.06, 0.17, 863, 773, 975, 863) { Kinetics = KineticsLaw.OrderP(1.81) };
        var last = new FrameReport("s1", 1499, 1.7e9, 6000, false, 160, 0, 0,
            [window with { CrossDoseEA2 = 380.4, CrossDoseLoEA2 = 341, CrossDoseHiEA2 = 423 }], "critical", ["c_o"], null, 0.5);

        var truth07 = GroundTruth.For(series, 0.7);
        string[] lines = DemoSummary.Compare(last, truth07).Split('\n');
        string trueCrossing = truth07.Windows.Single(w => w.Name == "c_o").ThresholdDoseEA2!.Value.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("reaches 0.7 [90%] e/Å²", lines[1], StringComparison.Ordinal);
        Assert.Matches($@"^c_o .* 380 \[341, 423\] +{trueCrossing} +order p = 1\.81", lines[2]);
        Assert.DoesNotContain("reaches", DemoSummary.Compare(last, GroundTruth.For(series, 0.5)), StringComparison.Ordinal);
    }
}

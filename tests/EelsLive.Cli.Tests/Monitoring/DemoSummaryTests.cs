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

    [Fact]
    public void A_fitted_onset_stands_in_its_own_column_beside_the_true_incubation()
    {
        var series = new SimulatedSeries(new SimulationScenario(SimulationPresets.TwoStage, 1), new SeriesOptions { Frames = 10 });
        var window = new WindowReport("c_c", 4, 7, 4.4e5, 0.02, 0.01, 0.01, 0.02, 1193, 1179, 1211, 1193)
        {
            Kinetics = KineticsLaw.Stretched(0.998) with { OnsetEA2 = 1396.2 },
        };
        var last = new FrameReport("s1", 1499, 1.7e9, 6000, false, 160, 0, 0, [window], "critical", ["c_c"], null, 0.5);

        string[] lines = DemoSummary.Compare(last, GroundTruth.For(series, 0.5)).Split('\n');
        string header = lines[1], row = lines[2];
        Assert.Matches(@"stretched β = 1\.00 after 1396 e/Å² +stretched β = 1 after 400 e/Å² \(two-stage\)$", row); // the preset's C–C incubation
        // The longest fitted law still leaves the true kinetics under their heading.
        Assert.Equal(header.IndexOf("true kinetics", StringComparison.Ordinal), row.IndexOf("stretched β = 1 after", StringComparison.Ordinal));
    }
}

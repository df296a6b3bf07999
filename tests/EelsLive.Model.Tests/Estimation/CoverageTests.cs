using EelsLive.Model.Tests.Simulation;

namespace EelsLive.Model.Tests.Estimation;

public class CoverageTests
{
    [Fact]
    public void Central_90_percent_integrity_intervals_cover_the_truth_most_of_the_time()
    {
        int covered = 0, total = 0;
        foreach (var seed in new[] { 21, 22, 23, 24 })
        {
            var session = SyntheticSession.MixedResponse(IntegrityCurve.SingleExponential(1000), IntegrityCurve.SingleExponential(900), frames: 700);
            var model = DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { Seed = seed });
            var snapshots = SessionRunner.Run(model, session, seed, refitEvery: 5);
            for (var i = 10; i < snapshots.Count; i += 14)
            {
                foreach (var name in new[] { "c_c", "c_o" })
                {
                    var estimate = snapshots[i].Find(name)!;
                    var truth = session.Windows.Single(w => w.Name == name).Curve.Integrity(snapshots[i].CurrentDoseEA2);
                    total++;
                    if (truth >= estimate.IntegrityLo && truth <= estimate.IntegrityHi)
                    {
                        covered++;
                    }
                }
            }
        }

        var coverage = covered / (double)total;
        // Target is ≥ 85%; the small unit-test sample (correlated checkpoints, 4 seeds) gets a little slack.
        Assert.True(coverage >= 0.8, $"coverage {coverage:P0} over {total} checkpoints");
    }
}

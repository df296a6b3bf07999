using EelsLive.Model.Estimation;
using EelsLive.Model.Tests.Simulation;

namespace EelsLive.Model.Tests.Estimation;

public class FittedCurveTests
{
    [Theory]
    [InlineData(ModelKind.Physics)]
    [InlineData(ModelKind.Classical)]
    public void The_fitted_curve_at_the_current_dose_is_the_snapshot_estimate_and_reads_the_signal_through_the_observation_model(ModelKind kind)
    {
        var session = SyntheticSession.MixedResponse(IntegrityCurve.OrderP(1000, 1.5), IntegrityCurve.SingleExponential(800), frames: 400);
        var model = DamageModels.Create(kind, session.Names, new ModelOptions { Seed = 3 });
        var snapshot = SessionRunner.Run(model, session, seed: 3)[^1];

        for (int w = 0; w < snapshot.Windows.Count; w++)
        {
            var estimate = snapshot.Windows[w];
            var curve = FittedCurve.From(model.Band, w, [snapshot.CurrentDoseEA2]);
            Assert.Equal(estimate.Integrity, curve.Integrity[0], 12);
            Assert.Equal(estimate.IntegrityLo, curve.Lo[0], 12);
            Assert.Equal(estimate.IntegrityHi, curve.Hi[0], 12);
            Assert.Equal(estimate.Signal, estimate.Observation.Predict(estimate.Integrity), 12);
            Assert.Equal(estimate.Rising, estimate.Observation.Amplitude < 0);
        }
    }

    [Theory]
    [InlineData(ModelKind.Physics)]
    [InlineData(ModelKind.Classical)]
    public void A_fitted_curve_starts_at_full_integrity_falls_monotonically_and_its_interval_holds_the_centre(ModelKind kind)
    {
        var session = SyntheticSession.MixedResponse(IntegrityCurve.SingleExponential(1000), IntegrityCurve.SingleExponential(800), frames: 400);
        var model = DamageModels.Create(kind, session.Names, new ModelOptions { Seed = 5 });
        var snapshot = SessionRunner.Run(model, session, seed: 5)[^1];
        double[] doses = [.. Enumerable.Range(0, 101).Select(i => Math.Max(i, 1e-6) * snapshot.CurrentDoseEA2 / 100)];

        var curve = FittedCurve.From(model.Band, snapshot.Windows.Select(w => w.Name).ToList().IndexOf("c_o"), doses);

        Assert.Equal(doses, curve.DoseEA2);
        Assert.True(curve.Integrity[0] > 0.999, $"I at the first dose {curve.Integrity[0]}");
        for (int i = 0; i < doses.Length; i++)
        {
            Assert.InRange(curve.Integrity[i], curve.Lo[i], curve.Hi[i]);
            Assert.InRange(curve.Lo[i], 0, 1);
            Assert.InRange(curve.Hi[i], 0, 1);
            if (i > 0)
            {
                Assert.True(curve.Integrity[i] <= curve.Integrity[i - 1] + 1e-12, $"I rises at {doses[i]:0} e/Å²");
            }
        }

        // The session's C–O window has truly fallen to about half at 800 e/Å².
        Assert.InRange(curve.Integrity[Array.FindIndex(doses, d => d >= 800)], 0.35, 0.65);
    }
}

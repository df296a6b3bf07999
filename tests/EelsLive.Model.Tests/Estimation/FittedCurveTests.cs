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

    /// <summary>A band whose spread outgrows its centre beyond 1,000 e/Å², as the fitted bands do far beyond the data.</summary>
    private sealed class WideningBand : ILogHazardBand
    {
        public double Center(int window, double doseEA2) => Math.Log(doseEA2 / 1000.0);

        public void Evaluate(int window, double doseEA2, out double center, out double sd)
        {
            center = Center(window, doseEA2);
            sd = doseEA2 <= 1000 ? 0.3 : 0.3 + (2 * Math.Log(doseEA2 / 1000.0));
        }
    }

    [Fact]
    public void The_interval_never_rises_with_dose_even_where_the_bands_spread_outgrows_its_centre()
    {
        double[] doses = [16000, 100, 1000, 4000, 8000, 2000, 500]; // in any order
        var raw = doses.Select(d => { new WideningBand().Evaluate(0, d, out var c, out var s); return EstimateBuilder.IntegrityOf(c - (Gaussian.Z90 * s)); }).ToArray();
        Assert.True(raw[0] > raw[4], "the raw upper end rises from 8,000 to 16,000 e/Å²: the case this test is about");

        var curve = FittedCurve.From(new WideningBand(), 0, doses);

        var sorted = Enumerable.Range(0, doses.Length).OrderBy(i => doses[i]).ToArray();
        for (int k = 1; k < sorted.Length; k++)
        {
            Assert.True(curve.Hi[sorted[k]] <= curve.Hi[sorted[k - 1]], $"upper end rises at {doses[sorted[k]]} e/Å²");
            Assert.True(curve.Lo[sorted[k]] <= curve.Lo[sorted[k - 1]], $"lower end rises at {doses[sorted[k]]} e/Å²");
            Assert.True(curve.Integrity[sorted[k]] <= curve.Integrity[sorted[k - 1]]);
        }

        Assert.Equal(raw[1], curve.Hi[1], 12); // where the raw band is monotone it is unchanged
        Assert.Equal(curve.Hi[4], curve.Hi[0], 12);
        for (int i = 0; i < doses.Length; i++)
        {
            Assert.InRange(curve.Integrity[i], curve.Lo[i], curve.Hi[i]);
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

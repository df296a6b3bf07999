using EelsLive.Model.Classical;
using EelsLive.Model.Tests.Simulation;

namespace EelsLive.Model.Tests.Classical;

public class ClassicalRecoveryTests
{
    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.5, 2)]
    public void Recovers_a_stretched_exponential(double beta, int seed)
    {
        var curve = IntegrityCurve.Stretched(1200, beta);
        var session = new SyntheticSession([new SyntheticWindow("c_c", 0.05, 0.02, curve)], frames: 1000);
        var model = new ClassicalDamageModel(session.Names, new ModelOptions { OrderingPriors = [] });
        var final = SessionRunner.Run(model, session, seed, refitEvery: 20)[^1];
        var estimate = final.Windows[0];
        Assert.NotNull(estimate.D50EA2);
        Assert.InRange(estimate.D50EA2!.Value / curve.TrueD50EA2!.Value, 0.9, 1.1);
        Assert.InRange(Math.Exp(model.Fits[0].LogBeta) / beta, 0.85, 1.15);
        Assert.InRange(estimate.D50LoEA2!.Value, 0, estimate.D50EA2.Value);
        Assert.True(estimate.D50HiEA2 >= estimate.D50EA2);
        Assert.True(estimate.IntegrityLo <= estimate.Integrity && estimate.Integrity <= estimate.IntegrityHi);
        Assert.True(estimate.Crossed);
    }

    [Fact]
    public void Constant_data_never_crosses_in_the_classical_model()
    {
        var session = SyntheticSession.BeamResistant(frames: 600);
        var model = DamageModels.Create(ModelKind.Classical, session.Names, new ModelOptions());
        var snapshots = SessionRunner.Run(model, session, seed: 4, refitEvery: 20);
        Assert.All(snapshots.SelectMany(s => s.Windows), w =>
        {
            Assert.False(w.Crossed);
            Assert.Equal(0, w.CrossProbability);
            Assert.Null(w.D50EA2);
        });
    }

    [Fact]
    public void A_window_without_a_significant_change_reads_as_intact_with_an_open_interval_and_no_law()
    {
        var session = SyntheticSession.BeamResistant(frames: 600);
        var model = DamageModels.Create(ModelKind.Classical, session.Names, new ModelOptions());
        var final = SessionRunner.Run(model, session, seed: 4, refitEvery: 20)[^1];

        var unchanged = final.Windows.Where(w => Math.Abs(w.SignalChangeZ) < new ModelOptions().ChangeSignificanceZ).ToList();
        Assert.NotEmpty(unchanged);
        Assert.All(unchanged, w =>
        {
            // A stretched exponential fitted to a flat signal had become a step at the first dose: integrity 0, β = 5.
            Assert.True(w.Integrity > 0.999, $"{w.Name}: integrity {w.Integrity}");
            Assert.Equal(1, w.IntegrityHi, 6);
            Assert.True(w.IntegrityLo < 0.01, $"{w.Name}: the baseline cannot bound an unseen decay, lo {w.IntegrityLo}");
            Assert.Null(w.Kinetics);
            Assert.Null(w.D50EA2);
        });
    }
}

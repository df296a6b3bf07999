using EelsLive.Model.Tests.Simulation;

namespace EelsLive.Model.Tests.Physics;

/// <summary>Refitting the ensemble members on several threads changes the speed, never the estimates.</summary>
public class ParallelRefitTests
{
    [Fact]
    public void Estimates_are_identical_whatever_the_number_of_refit_threads()
    {
        var session = SyntheticSession.MixedResponse(IntegrityCurve.SingleExponential(1000), IntegrityCurve.OrderP(800, 2), frames: 300);
        var serial = SessionRunner.Run(DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { RefitParallelism = 1 }), session, seed: 4);
        var parallel = SessionRunner.Run(DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { RefitParallelism = 3 }), session, seed: 4);

        Assert.Equal(serial.Count, parallel.Count);
        for (var i = 0; i < serial.Count; i++)
        {
            // Records compare by value except the measured fit time, which differs from run to run.
            Assert.Equal(serial[i].Windows, parallel[i].Windows);
        }

        Assert.NotEqual(serial[^1].Windows[1].IntegrityLo, serial[^1].Windows[1].IntegrityHi); // the band is not degenerate
    }
}

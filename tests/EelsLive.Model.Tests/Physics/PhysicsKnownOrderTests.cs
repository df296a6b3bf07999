using EelsLive.Model.Physics;
using EelsLive.Model.Tests.Simulation;

namespace EelsLive.Model.Tests.Physics;

/// <summary>A window whose kinetic order is given (<see cref="ModelOptions.KnownOrders"/>) is fitted at exactly that order.</summary>
public class PhysicsKnownOrderTests
{
    private static IntegrityCurve Stretched(double d50, double beta) => IntegrityCurve.Stretched(d50 / Math.Pow(Math.Log(2), 1 / beta), beta);

    [Fact]
    public void A_window_with_a_known_order_keeps_it_and_the_order_p_law_at_every_refit_while_the_others_choose_their_law()
    {
        // Stretched data: without a known order both windows move to the stretched law (PhysicsRecoveryTests).
        var session = SyntheticSession.MixedResponse(Stretched(1000, 0.6), Stretched(900, 0.7), frames: 1000);
        var names = session.Names.ToList();
        var options = new ModelOptions { Seed = 1, KnownOrders = [new KnownOrder("c_c", 1.5)] };
        var model = (PhysicsDamageModel)DamageModels.Create(ModelKind.Physics, session.Names, options);
        var snapshots = SessionRunner.Run(model, session, seed: 1);

        Assert.All(snapshots, snapshot =>
        {
            var law = snapshot.Find("c_c")!.Kinetics!;
            Assert.Equal("order_p", law.Name);
            Assert.Equal(1.5, law.Order!.Value, 9);
        });
        Assert.Equal(KineticsBranch.OrderP, model.BranchOf(names.IndexOf("c_c")));
        Assert.Equal(KineticsBranch.Dispersive, model.BranchOf(names.IndexOf("c_o")));
        Assert.Equal("stretched", snapshots[^1].Find("c_o")!.Kinetics!.Name);
    }

    [Fact]
    public void First_order_can_be_given_and_the_fit_then_is_a_single_exponential()
    {
        var session = SyntheticSession.MixedResponse(IntegrityCurve.OrderP(1000, 2), IntegrityCurve.SingleExponential(900), frames: 600);
        var model = (PhysicsDamageModel)DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { Seed = 2, KnownOrders = [new KnownOrder("c_o", 1)] });
        SessionRunner.Run(model, session, seed: 2);
        var co = session.Names.ToList().IndexOf("c_o");
        Assert.Equal(1, model.OrderOf(co), 12);
        Assert.Equal(KineticsBranch.OrderP, model.BranchOf(co));
    }

    [Fact]
    public void The_band_conditions_on_a_known_order_and_keeps_the_spread_of_an_estimated_one()
    {
        var session = SyntheticSession.MixedResponse(IntegrityCurve.OrderP(1000, 2), IntegrityCurve.OrderP(900, 2.5), frames: 800);
        var names = session.Names.ToList();
        var model = (PhysicsDamageModel)DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { Seed = 3, KnownOrders = [new KnownOrder("c_c", 2)] });
        SessionRunner.Run(model, session, seed: 3);
        var band = (EnsembleLogHazardBand)model.Band;
        var hazard = new MonotoneHazard(new ModelOptions().HiddenUnits, new ModelOptions().ReferenceDoseEA2);
        var p = hazard.ParameterCount;
        const int order = 1; // θ = [ln k, softplus⁻¹(p − 1), …]

        var known = band.CovarianceOf(names.IndexOf("c_c"));
        for (var i = 0; i < p; i++)
        {
            Assert.Equal(0, known[order * p + i]);
            Assert.Equal(0, known[i * p + order]);
        }

        Assert.True(known[0] > 0, "the rate keeps its variance");
        Assert.True(band.CovarianceOf(names.IndexOf("c_o"))[order * p + order] > 0, "an estimated order keeps its variance");
    }

    [Fact]
    public void An_order_given_with_its_uncertainty_is_a_prior_the_data_overrule_and_the_band_keeps_its_spread()
    {
        // Second-order C–C data, given as p = 1.3 ± 0.3 (2.3σ off): the data pull the order to the truth, the law stays order-p, and
        // the order is not conditioned on. Given exactly, it would stay at 1.3.
        var session = SyntheticSession.MixedResponse(IntegrityCurve.OrderP(600, 2), IntegrityCurve.OrderP(500, 2.5), frames: 1000, relativeNoise: 0.003);
        var names = session.Names.ToList();
        var cc = names.IndexOf("c_c");
        var model = (PhysicsDamageModel)DamageModels.Create(ModelKind.Physics, session.Names, new ModelOptions { Seed = 4, KnownOrders = [new KnownOrder("c_c", 1.3, 0.3)] });
        var snapshots = SessionRunner.Run(model, session, seed: 4);

        Assert.InRange(model.OrderOf(cc), 1.7, 2.3); // the truth is 2; the prior said 1.3
        Assert.Equal(KineticsBranch.OrderP, model.BranchOf(cc));
        Assert.All(snapshots, snapshot => Assert.Equal("order_p", snapshot.Find("c_c")!.Kinetics!.Name));
        var p = new MonotoneHazard(new ModelOptions().HiddenUnits, new ModelOptions().ReferenceDoseEA2).ParameterCount;
        Assert.True(((EnsembleLogHazardBand)model.Band).CovarianceOf(cc)[1 * p + 1] > 0, "the order keeps its Laplace variance");
    }
}

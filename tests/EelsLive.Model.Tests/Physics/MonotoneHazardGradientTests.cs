using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

public class MonotoneHazardGradientTests
{
    private static double[] RandomTheta(MonotoneHazard hazard, Random random)
    {
        var theta = new double[hazard.ParameterCount];
        theta[0] = Math.Log(1.0 / (200 + 3000 * random.NextDouble()));
        theta[1] = -3 + 4 * random.NextDouble();
        for (var j = 0; j < hazard.HiddenUnits; j++)
        {
            theta[2 + 3 * j] = -3 + 3 * random.NextDouble();
            theta[3 + 3 * j] = -1 + 2 * random.NextDouble();
            theta[4 + 3 * j] = -4 + 5 * random.NextDouble();
        }

        theta[hazard.DispersionIndex] = Math.Log(0.4 + 1.6 * random.NextDouble());
        theta[hazard.OnsetIndex] = hazard.HasOnset ? Math.Log(50 + 1500 * random.NextDouble()) : hazard.LowerBounds[hazard.OnsetIndex];
        return theta;
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var tolerance = 1e-6 * Math.Max(1, Math.Abs(expected)) + 1e-9;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: finite difference {expected:R}, analytic {actual:R}");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(7, true)]
    [InlineData(8, true)]
    [InlineData(9, true)]
    public void Hazard_gradient_matches_central_differences(int seed, bool onset)
    {
        var hazard = new MonotoneHazard(3, 100, onset: onset);
        var random = new Random(seed);
        var theta = RandomTheta(hazard, random);
        var c = new double[hazard.CoefficientCount];
        var gradient = new double[hazard.ParameterCount];
        foreach (var dose in new[] { 0.5, 30.0, 400.0, 700.0, 1200.0, 5000.0 })
        {
            var u = hazard.U(dose);
            hazard.Prepare(theta, c);
            hazard.ValueAndGradient(c, dose, u, gradient);
            for (var i = 0; i < theta.Length; i++)
            {
                var h = 1e-5;
                var plus = (double[])theta.Clone();
                var minus = (double[])theta.Clone();
                plus[i] += h;
                minus[i] -= h;
                hazard.Prepare(plus, c);
                var fPlus = hazard.Value(c, dose, u);
                hazard.Prepare(minus, c);
                var fMinus = hazard.Value(c, dose, u);
                AssertClose((fPlus - fMinus) / (2 * h), gradient[i], $"dΛ/dθ[{i}] at D={dose}");
            }
        }
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    [InlineData(12, true)]
    public void Residual_gradient_matches_central_differences(int seed, bool onset)
    {
        var hazard = new MonotoneHazard(3, 100, onset: onset);
        var theta = RandomTheta(hazard, new Random(seed));
        var c = new double[hazard.CoefficientCount];
        var gradient = new double[hazard.ParameterCount];
        var scratch = new double[hazard.ParameterCount];
        foreach (var dose in new[] { 2.0, 400.0, 900.0, 20000.0 })
        {
            var u = hazard.U(dose);
            hazard.Prepare(theta, c);
            hazard.Residual(c, dose, u, gradient);
            for (var i = 0; i < theta.Length; i++)
            {
                var h = 1e-5;
                var plus = (double[])theta.Clone();
                var minus = (double[])theta.Clone();
                plus[i] += h;
                minus[i] -= h;
                hazard.Prepare(plus, c);
                var fPlus = hazard.Residual(c, dose, u, scratch);
                hazard.Prepare(minus, c);
                var fMinus = hazard.Residual(c, dose, u, scratch);
                AssertClose((fPlus - fMinus) / (2 * h), gradient[i], $"dr/dθ[{i}] at D={dose}");
            }
        }
    }

    [Fact]
    public void Residual_is_zero_for_pure_kinetics_and_positive_with_network_hazard()
    {
        var hazard = new MonotoneHazard(2, 100);
        var theta = RandomTheta(hazard, new Random(7));
        var c = new double[hazard.CoefficientCount];
        var scratch = new double[hazard.ParameterCount];
        hazard.Prepare(theta, c);
        Assert.True(hazard.Residual(c, 300, hazard.U(300), scratch) > 0);

        theta[2] = -30;
        theta[5] = -30;
        hazard.Prepare(theta, c);
        Assert.True(Math.Abs(hazard.Residual(c, 300, hazard.U(300), scratch)) < 1e-9);
    }

    [Fact]
    public void Pure_kinetics_reproduces_order_p_closed_form()
    {
        var hazard = new MonotoneHazard(0, 100);
        const double k = 1.0 / 800;
        const double p = 1.7;
        var theta = new double[hazard.ParameterCount];
        theta[0] = Math.Log(k);
        theta[1] = Softplus.Inverse(p - 1);
        theta[hazard.OnsetIndex] = hazard.LowerBounds[hazard.OnsetIndex];
        var c = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, c);
        foreach (var dose in new[] { 10.0, 500.0, 4000.0 })
        {
            var expected = Math.Pow(1 + (p - 1) * k * dose, -1 / (p - 1));
            Assert.Equal(expected, Math.Exp(-hazard.Value(c, dose, hazard.U(dose))), 10);
        }

        var d50 = (Math.Pow(2, p - 1) - 1) / ((p - 1) * k);
        Assert.Equal(0.5, Math.Exp(-hazard.Value(c, d50, hazard.U(d50))), 10);
    }

    [Fact]
    public void Without_dispersion_beta_is_one_and_its_gradient_is_zero()
    {
        var hazard = new MonotoneHazard(2, 100, dispersive: false);
        Assert.Equal(0, hazard.LowerBounds[hazard.DispersionIndex]);
        Assert.Equal(0, hazard.UpperBounds[hazard.DispersionIndex]);
        var theta = RandomTheta(hazard, new Random(7));
        hazard.Project(theta);
        var c = new double[hazard.CoefficientCount];
        var gradient = new double[hazard.ParameterCount];
        hazard.Prepare(theta, c);
        foreach (var dose in new[] { 10.0, 700.0, 5000.0 })
        {
            hazard.ValueAndGradient(c, dose, hazard.U(dose), gradient);
            Assert.Equal(0, gradient[hazard.DispersionIndex]);
            hazard.Residual(c, dose, hazard.U(dose), gradient);
            Assert.Equal(0, gradient[hazard.DispersionIndex]);
        }
    }

    [Fact]
    public void Pure_dispersive_first_order_kinetics_is_a_stretched_exponential()
    {
        var hazard = new MonotoneHazard(0, 100);
        const double dc = 1200;
        const double beta = 0.6;
        var theta = new double[hazard.ParameterCount];
        theta[0] = -Math.Log(dc);
        theta[1] = -30;
        theta[hazard.DispersionIndex] = Math.Log(beta);
        var c = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, c);
        foreach (var dose in new[] { 10.0, 500.0, 4000.0 })
        {
            Assert.Equal(Math.Exp(-Math.Pow(dose / dc, beta)), Math.Exp(-hazard.Value(c, dose, hazard.U(dose))), 6);
        }
    }

    [Fact]
    public void A_frozen_dispersion_has_zero_beta_gradient_and_leaves_the_other_components_unchanged()
    {
        var hazard = new MonotoneHazard(2, 100);
        var theta = RandomTheta(hazard, new Random(5));
        var free = new double[hazard.CoefficientCount];
        var frozen = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, free, dispersionFree: true);
        hazard.Prepare(theta, frozen, dispersionFree: false);
        var gradientFree = new double[hazard.ParameterCount];
        var gradientFrozen = new double[hazard.ParameterCount];
        foreach (var dose in new[] { 10.0, 700.0, 5000.0 })
        {
            var u = hazard.U(dose);
            Assert.Equal(hazard.ValueAndGradient(free, dose, u, gradientFree), hazard.ValueAndGradient(frozen, dose, u, gradientFrozen));
            Assert.NotEqual(0, gradientFree[hazard.DispersionIndex]);
            Assert.Equal(0, gradientFrozen[hazard.DispersionIndex]);
            for (var i = 0; i < hazard.DispersionIndex; i++)
            {
                Assert.Equal(gradientFree[i], gradientFrozen[i]);
            }

            hazard.Residual(frozen, dose, u, gradientFrozen);
            Assert.Equal(0, gradientFrozen[hazard.DispersionIndex]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Branch_bounds_give_order_p_kinetics_with_beta_one_or_a_stretched_exponential(int seed)
    {
        var hazard = new MonotoneHazard(3, 100);
        var p = hazard.ParameterCount;
        var lower = new double[p];
        var upper = new double[p];
        var c = new double[hazard.CoefficientCount];

        var theta = RandomTheta(hazard, new Random(seed));
        hazard.BranchBounds(KineticsBranch.OrderP, lower, upper);
        Clamp(theta, lower, upper);
        Assert.Equal(1, hazard.Dispersion(theta));
        Assert.True(upper[1] > lower[1] && upper[2] > lower[2], "order and network stay free on the order-p branch");

        theta = RandomTheta(hazard, new Random(seed));
        hazard.BranchBounds(KineticsBranch.Dispersive, lower, upper);
        Clamp(theta, lower, upper);
        Assert.True(upper[hazard.DispersionIndex] > lower[hazard.DispersionIndex], "β is free on the dispersive branch");
        Assert.True(MonotoneHazard.Order(theta) - 1 < 1e-12);
        hazard.Prepare(theta, c, dispersionFree: true);
        var k = MonotoneHazard.Rate(theta);
        var beta = hazard.Dispersion(theta);
        foreach (var dose in new[] { 10.0, 700.0, 5000.0 })
        {
            var expected = Math.Pow(k * dose, beta);
            Assert.True(Math.Abs(hazard.Value(c, dose, hazard.U(dose)) - expected) <= 1e-9 * Math.Max(1, expected), $"Λ({dose}) is not (kD)^β");
        }
    }

    [Fact]
    public void Kinetic_order_is_bounded_by_the_maximum_order()
    {
        var hazard = new MonotoneHazard(0, 100);
        var theta = new double[hazard.ParameterCount];
        theta[1] = 100;
        hazard.Project(theta);
        Assert.Equal(MonotoneHazard.MaxOrder, MonotoneHazard.Order(theta), 9);
    }

    [Theory]
    [InlineData(300.0, 0.8)]
    [InlineData(1000.0, 1.0)]
    public void A_fitted_onset_holds_back_the_hazard_before_the_onset_and_then_decays_as_a_stretched_exponential(double onset, double beta)
    {
        var hazard = new MonotoneHazard(2, 100, onset: true);
        var p = hazard.ParameterCount;
        var lower = new double[p];
        var upper = new double[p];
        hazard.BranchBounds(KineticsBranch.Dispersive, lower, upper);
        var theta = RandomTheta(hazard, new Random(3));
        const double dc = 900;
        theta[0] = -Math.Log(dc);
        theta[hazard.DispersionIndex] = Math.Log(beta);
        theta[hazard.OnsetIndex] = Math.Log(onset);
        Clamp(theta, lower, upper);
        var c = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, c, dispersionFree: true);

        Assert.Equal(onset, hazard.Onset(theta), 9);
        // At half the onset dose the smoothed onset has let through less than 5 % of the hazard the law has without one.
        var half = onset / 2;
        Assert.True(hazard.Value(c, half, hazard.U(half)) < 0.05 * Math.Pow(half / dc, beta), "hazard at half the onset dose");
        foreach (var dose in new[] { 2.5 * onset, 2.5 * onset + 2000 })
        {
            // Past the onset's smoothing width the kinetics term sees D − D₀ (to within D₀·e^−6 of the smoothing).
            var expected = Math.Pow((dose - onset) / dc, beta);
            Assert.True(Math.Abs(hazard.Value(c, dose, hazard.U(dose)) - expected) <= 1e-3 * expected, $"Λ({dose}) is not ((D − D₀)/Dc)^β");
        }
    }

    [Fact]
    public void On_the_order_p_branch_the_onset_is_pinned_and_the_kinetics_term_sees_the_dose_itself()
    {
        var hazard = new MonotoneHazard(2, 100, onset: true);
        var p = hazard.ParameterCount;
        var lower = new double[p];
        var upper = new double[p];
        hazard.BranchBounds(KineticsBranch.OrderP, lower, upper);
        Assert.Equal(lower[hazard.OnsetIndex], upper[hazard.OnsetIndex]);
        hazard.BranchBounds(KineticsBranch.Dispersive, lower, upper);
        Assert.True(upper[hazard.OnsetIndex] > lower[hazard.OnsetIndex], "the onset is free on the stretched branch");

        var theta = RandomTheta(hazard, new Random(4));
        var withOnset = new double[hazard.CoefficientCount];
        var without = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, withOnset, dispersionFree: true);
        hazard.Prepare(theta, without, dispersionFree: false);
        var gradient = new double[p];
        foreach (var dose in new[] { 10.0, 700.0, 5000.0 })
        {
            var u = hazard.U(dose);
            Assert.NotEqual(hazard.Value(withOnset, dose, u), hazard.Value(without, dose, u));
            hazard.ValueAndGradient(without, dose, u, gradient);
            Assert.Equal(0, gradient[hazard.OnsetIndex]);
            hazard.Residual(without, dose, u, gradient);
            Assert.Equal(0, gradient[hazard.OnsetIndex]);
        }
    }

    [Fact]
    public void An_onset_at_its_floor_is_off_so_that_only_a_search_can_place_one()
    {
        var hazard = new MonotoneHazard(2, 100, onset: true);
        var theta = RandomTheta(hazard, new Random(6));
        theta[hazard.OnsetIndex] = hazard.LowerBounds[hazard.OnsetIndex];
        var atFloor = new double[hazard.CoefficientCount];
        var noOnset = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, atFloor, dispersionFree: true);
        var plain = new MonotoneHazard(2, 100, onset: false);
        plain.Prepare(theta, noOnset, dispersionFree: true);
        var gradient = new double[hazard.ParameterCount];
        var reference = new double[hazard.ParameterCount];
        foreach (var dose in new[] { 2.0, 50.0, 3000.0 })
        {
            var u = hazard.U(dose);
            Assert.Equal(plain.ValueAndGradient(noOnset, dose, u, reference), hazard.ValueAndGradient(atFloor, dose, u, gradient));
            Assert.Equal(reference, gradient); // the onset's gradient is zero, so the optimiser cannot move it from the floor
            Assert.Equal(0, gradient[hazard.OnsetIndex]);

            theta[hazard.OnsetIndex] = hazard.LowerBounds[hazard.OnsetIndex] + 1e-3; // just above the floor it is on
            var above = new double[hazard.CoefficientCount];
            hazard.Prepare(theta, above, dispersionFree: true);
            hazard.ValueAndGradient(above, dose, u, gradient);
            Assert.NotEqual(0, gradient[hazard.OnsetIndex]);
            theta[hazard.OnsetIndex] = hazard.LowerBounds[hazard.OnsetIndex];
        }
    }

    private static void Clamp(double[] theta, double[] lower, double[] upper)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            theta[i] = Math.Clamp(theta[i], lower[i], upper[i]);
        }
    }
}

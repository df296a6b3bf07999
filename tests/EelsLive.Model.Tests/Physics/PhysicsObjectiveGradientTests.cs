using EelsLive.Model.Binning;
using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

public class PhysicsObjectiveGradientTests
{
    [Theory]
    [InlineData(11, true, false, null)]
    [InlineData(12, false, false, null)]
    [InlineData(13, true, true, null)]
    [InlineData(14, true, false, 1.3)]
    [InlineData(15, true, true, 0.4)]
    [InlineData(16, true, false, 1.3, 0.7)]
    [InlineData(17, true, true, null, null, true)]
    [InlineData(18, false, true, 1.3, null, true)]
    public void Objective_gradient_matches_central_differences(int seed, bool nonNegative, bool mixedBranches, double? orderAnchor, double? knownOrderExcess = null, bool onset = false)
    {
        var random = new Random(seed);
        var hazard = new MonotoneHazard(2, 100, onset: onset);
        const int windows = 2;
        var data = Data(hazard, windows, random);
        var collocation = new Collocation(6);
        collocation.Place(1, 20000, hazard);
        // Window 1 should be slower than window 0 but starts faster: the ordering penalty is active.
        var objective = new PhysicsObjective(hazard, windows, 20, physicsWeight: 10, orderingWeight: 10, nonNegative, [(0, 1)])
        {
            PriorDoseEA2 = 800,
            OrderAnchor = orderAnchor,
            OrderAnchorWeight = orderAnchor is null ? 0 : 0.5,
            DispersionAnchor = orderAnchor is null ? null : -0.5,
        };
        if (knownOrderExcess is { } q)
        {
            objective.SetOrderPrior(0, q, 5.5); // window 0's order known as p = 1 + q ± 0.3
        }

        var theta = new double[objective.ParameterCount];
        hazard.Initialize(theta.AsSpan(0, hazard.ParameterCount), 900, () => random.NextDouble() - 0.5, 1);
        hazard.Initialize(theta.AsSpan(hazard.ParameterCount), 300, () => random.NextDouble() - 0.5, 1);
        var frozen = new HashSet<int>();
        if (mixedBranches)
        {
            // Window 0 on the order-p branch (β frozen at 1), window 1 on the dispersive branch (p = 1, network off).
            var p = hazard.ParameterCount;
            Span<double> lower = stackalloc double[p];
            Span<double> upper = stackalloc double[p];
            hazard.BranchBounds(KineticsBranch.OrderP, lower, upper);
            Clamp(theta.AsSpan(0, p), lower, upper);
            hazard.BranchBounds(KineticsBranch.Dispersive, lower, upper);
            Clamp(theta.AsSpan(p, p), lower, upper);
            theta[p + hazard.DispersionIndex] = Math.Log(0.7);
            theta[p + hazard.OnsetIndex] = onset ? Math.Log(250) : theta[p + hazard.OnsetIndex];
            objective.SetDispersionFree(0, false);
            frozen.Add(hazard.DispersionIndex);
            frozen.Add(hazard.OnsetIndex);
        }
        else
        {
            frozen.Add(hazard.OnsetIndex); // no window's onset is fitted on the order-p branch or without an onset
            frozen.Add(hazard.ParameterCount + hazard.OnsetIndex);
        }

        var gradient = new double[theta.Length];
        var scratch = new double[theta.Length];
        var loss = objective.Evaluate(theta, data, collocation, gradient);
        Assert.True(double.IsFinite(loss));
        Assert.True(theta[hazard.ParameterCount] > theta[0], "test set-up: ordering prior must be violated");
        for (var i = 0; i < theta.Length; i++)
        {
            if (frozen.Contains(i))
            {
                Assert.Equal(0, gradient[i]);
                continue;
            }

            var h = 1e-6;
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (objective.Evaluate(plus, data, collocation, scratch) - objective.Evaluate(minus, data, collocation, scratch)) / (2 * h);
            var tolerance = 1e-4 * Math.Max(1, Math.Abs(numeric));
            Assert.True(Math.Abs(numeric - gradient[i]) <= tolerance, $"dL/dθ[{i}]: finite difference {numeric:R}, analytic {gradient[i]:R}");
        }
    }

    [Fact]
    public void Window_losses_add_up_to_the_objective_without_ordering_priors()
    {
        var random = new Random(21);
        var hazard = new MonotoneHazard(2, 100);
        const int windows = 2;
        var data = Data(hazard, windows, random);
        var collocation = new Collocation(6);
        collocation.Place(1, 20000, hazard);
        var objective = new PhysicsObjective(hazard, windows, 20, physicsWeight: 10, orderingWeight: 10, true, []) { PriorDoseEA2 = 800 };
        var theta = new double[objective.ParameterCount];
        hazard.Initialize(theta.AsSpan(0, hazard.ParameterCount), 900, () => random.NextDouble() - 0.5, 1);
        hazard.Initialize(theta.AsSpan(hazard.ParameterCount), 300, () => random.NextDouble() - 0.5, 1);
        var total = objective.Evaluate(theta, data, collocation, new double[theta.Length]);
        var scratch = new double[hazard.ParameterCount];
        var first = objective.WindowLoss(theta, data, 0, collocation, scratch, residualFactor: 1);
        var second = objective.WindowLoss(theta, data, 1, collocation, scratch, residualFactor: 1);
        Assert.True(first > 0 && second > 0);
        Assert.Equal(total, first + second, 9);

        // The factor scales the kinetics residual only, and the network hazard of the initial fit makes it positive.
        var withoutResidual = objective.WindowLoss(theta, data, 0, collocation, scratch, residualFactor: 0);
        var doubled = objective.WindowLoss(theta, data, 0, collocation, scratch, residualFactor: 2);
        Assert.True(first > withoutResidual);
        Assert.Equal(first - withoutResidual, doubled - first, 9);
    }

    private static void Clamp(Span<double> theta, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            theta[i] = Math.Clamp(theta[i], lower[i], upper[i]);
        }
    }

    private static BinnedSeries Data(MonotoneHazard hazard, int windows, Random random)
    {
        var data = new BinnedSeries(20, windows);
        data.Count = 12;
        for (var b = 0; b < data.Count; b++)
        {
            data.Dose[b] = 5 * Math.Pow(1.6, b);
            data.Weight[b] = 1 + random.Next(8);
            data.Coordinate[b] = hazard.U(data.Dose[b]);
            data.Signal[b] = 0.02 + 0.03 * Math.Exp(-data.Dose[b] / 700) + 1e-4 * random.NextDouble();
            data.Signal[data.Capacity + b] = 0.01 + 0.02 * Math.Exp(-data.Dose[b] / 400) + 1e-4 * random.NextDouble();
        }

        data.ComputeFitWeights(0, 1e-4, 5e-4);
        data.ComputeFitWeights(1, 2e-4, 0);
        return data;
    }
}

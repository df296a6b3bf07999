using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

public class AdamOptimizerTests
{
    [Fact]
    public void Reset_forgets_the_momentum_of_the_chosen_parameters_only()
    {
        var optimizer = new AdamOptimizer(2, 0.1);
        var parameters = new double[2];
        double[] lower = [-10, -10];
        double[] upper = [10, 10];
        optimizer.Step(parameters, [1, 1], lower, upper);
        optimizer.Reset(0, 1);
        var before = (double[])parameters.Clone();
        optimizer.Step(parameters, [0, 0], lower, upper);
        Assert.Equal(before[0], parameters[0]);
        Assert.True(parameters[1] < before[1], "the momentum of the other parameter keeps moving it");
    }
}

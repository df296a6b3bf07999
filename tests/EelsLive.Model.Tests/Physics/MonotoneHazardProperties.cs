using EelsLive.Model.Physics;
using FsCheck.Xunit;

namespace EelsLive.Model.Tests.Physics;

public class MonotoneHazardProperties
{
    private static (MonotoneHazard Hazard, double[] Coefficients) RandomHazard(int seed)
    {
        var random = new Random(seed);
        var hazard = new MonotoneHazard(1 + random.Next(5), 10 + 500 * random.NextDouble(), onset: random.Next(2) == 0);
        var theta = new double[hazard.ParameterCount];
        for (var i = 0; i < theta.Length; i++)
        {
            theta[i] = hazard.LowerBounds[i] + (hazard.UpperBounds[i] - hazard.LowerBounds[i]) * random.NextDouble();
        }

        var c = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, c);
        return (hazard, c);
    }

    [Property(MaxTest = 300)]
    public bool Integrity_starts_at_one(int seed)
    {
        var (hazard, c) = RandomHazard(seed);
        return Math.Abs(Math.Exp(-hazard.Value(c, 0, hazard.U(0))) - 1) < 1e-12;
    }

    [Property(MaxTest = 300)]
    public bool Integrity_is_in_unit_interval_and_non_increasing(int seed)
    {
        var (hazard, c) = RandomHazard(seed);
        var previous = 1.0;
        for (var i = 0; i <= 80; i++)
        {
            var dose = i == 0 ? 0 : Math.Pow(10, -2 + i * 0.1);
            var integrity = Math.Exp(-hazard.Value(c, dose, hazard.U(dose)));
            if (integrity < 0 || integrity > 1 || integrity > previous + 1e-12)
            {
                return false;
            }

            previous = integrity;
        }

        return true;
    }
}

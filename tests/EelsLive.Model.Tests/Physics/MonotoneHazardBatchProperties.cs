using EelsLive.Model.Physics;
using FsCheck.Xunit;

namespace EelsLive.Model.Tests.Physics;

/// <summary>The vectorised batch evaluations agree with the scalar, dose-by-dose ones they replace on the refit's hot path.</summary>
public class MonotoneHazardBatchProperties
{
    private sealed record Case(MonotoneHazard Hazard, double[] Coefficients, double[] Dose, double[] U);

    private static Case RandomCase(int seed)
    {
        var random = new Random(seed);
        var hazard = new MonotoneHazard(1 + random.Next(5), 10 + 500 * random.NextDouble(), dispersive: random.Next(2) == 0, onset: random.Next(2) == 0);
        var theta = new double[hazard.ParameterCount];
        for (var i = 0; i < theta.Length; i++)
        {
            theta[i] = hazard.LowerBounds[i] + (hazard.UpperBounds[i] - hazard.LowerBounds[i]) * random.NextDouble();
        }

        // Half the cases at realistic rates (D50 of 10²–10⁴ e/Å²), half anywhere in the box.
        if (random.Next(2) == 0)
        {
            theta[0] = Math.Log(1.0 / (100 + 10000 * random.NextDouble()));
        }

        var c = new double[hazard.CoefficientCount];
        hazard.Prepare(theta, c, dispersionFree: random.Next(2) == 0);
        var n = 1 + random.Next(40);
        var dose = new double[n];
        for (var b = 0; b < n; b++)
        {
            dose[b] = random.Next(10) == 0 ? 0 : Math.Pow(10, -2 + 7 * random.NextDouble());
        }

        return new Case(hazard, c, dose, [.. dose.Select(hazard.U)]);
    }

    private static bool Close(double expected, double actual) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));

    /// <summary>A scalar evaluation at one dose: the value, with the gradient written to its last argument.</summary>
    private delegate double ScalarWithGradient(ReadOnlySpan<double> c, double dose, double u, Span<double> gradient);

    /// <summary>A batch evaluation: values, and gradient columns with the given stride.</summary>
    private delegate void BatchWithGradients(ReadOnlySpan<double> c, ReadOnlySpan<double> dose, ReadOnlySpan<double> u, Span<double> values, Span<double> columns, int stride);

    /// <summary>True when the batch values and every gradient column match the scalar evaluation dose by dose.</summary>
    private static bool BatchMatchesScalar(Case testCase, int extraStride, BatchWithGradients batch, ScalarWithGradient scalar)
    {
        var (hazard, c, dose, u) = testCase;
        var n = dose.Length;
        var stride = n + extraStride;
        var values = new double[n];
        var columns = new double[hazard.ParameterCount * stride];
        batch(c, dose, u, values, columns, stride);
        var gradient = new double[hazard.ParameterCount];
        for (var b = 0; b < n; b++)
        {
            if (!Close(scalar(c, dose[b], u[b], gradient), values[b]))
            {
                return false;
            }

            for (var i = 0; i < gradient.Length; i++)
            {
                if (!Close(gradient[i], columns[i * stride + b]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 500)]
    public bool Batched_hazard_and_gradient_equal_the_scalar_ones(int seed)
    {
        var testCase = RandomCase(seed);
        return BatchMatchesScalar(testCase, extraStride: 3, testCase.Hazard.ValuesAndGradients, testCase.Hazard.ValueAndGradient);
    }

    [Property(MaxTest = 500)]
    public bool Batched_kinetics_residual_and_gradient_equal_the_scalar_ones(int seed)
    {
        var testCase = RandomCase(seed);
        return BatchMatchesScalar(testCase, extraStride: 0, testCase.Hazard.ResidualsAndGradients, testCase.Hazard.Residual);
    }

    [Property(MaxTest = 300)]
    public bool Batched_hazard_is_exactly_zero_at_zero_dose(int seed)
    {
        var (hazard, c, _, _) = RandomCase(seed);
        var zeros = new double[9];
        var lambda = new double[9];
        hazard.Values(c, zeros, zeros, lambda);
        var columns = new double[hazard.ParameterCount * zeros.Length];
        var withGradient = new double[9];
        hazard.ValuesAndGradients(c, zeros, zeros, withGradient, columns, zeros.Length);
        return lambda.All(value => value == 0) && withGradient.All(value => value == 0);
    }
}

using EelsLive.Model.Fitting;

namespace EelsLive.Model.Tests.Fitting;

public class AmplitudeSolverTests
{
    [Fact]
    public void Recovers_exact_amplitudes_including_a_rising_window()
    {
        double[] integrity = [1, 0.8, 0.6, 0.3, 0.1];
        double[] weights = [1, 2, 3, 2, 1];
        var signals = integrity.Select(i => 0.016 + (0.010 - 0.016) * i).ToArray();
        var amplitudes = AmplitudeSolver.Solve(weights, signals, integrity, nonNegativeAsymptote: true);
        Assert.Equal(0.016, amplitudes.Asymptote, 6);
        Assert.Equal(0.010, amplitudes.Initial, 6);
        Assert.True(amplitudes.Amplitude < 0);
    }

    [Fact]
    public void Non_negative_asymptote_is_enforced()
    {
        double[] integrity = [1, 0.9, 0.8, 0.7];
        double[] weights = [1, 1, 1, 1];
        var signals = integrity.Select(i => -0.01 + 0.05 * i).ToArray();
        var free = AmplitudeSolver.Solve(weights, signals, integrity, nonNegativeAsymptote: false);
        var constrained = AmplitudeSolver.Solve(weights, signals, integrity, nonNegativeAsymptote: true);
        Assert.True(free.Asymptote < 0);
        Assert.Equal(0, constrained.Asymptote);
        Assert.True(constrained.Amplitude > 0);
    }

    [Fact]
    public void Cholesky_inverse_inverts_a_positive_definite_matrix()
    {
        double[] a = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2];
        var inverse = new double[9];
        Assert.True(CholeskyInverse.TryInvert(a, 3, inverse, new double[9]));
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var product = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    product += a[i * 3 + k] * inverse[k * 3 + j];
                }

                Assert.Equal(i == j ? 1 : 0, product, 12);
            }
        }

        Assert.False(CholeskyInverse.TryInvert([1, 2, 2, 1], 2, new double[4], new double[4]));
    }
}

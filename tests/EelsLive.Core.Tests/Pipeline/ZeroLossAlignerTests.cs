using EelsLive.Core.Tests.Support;
using EelsLive.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EelsLive.Core.Tests.Pipeline;

public class ZeroLossAlignerTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.037)]
    [InlineData(-0.21)]
    [InlineData(0.8)]
    public void Finds_the_peak_to_a_small_fraction_of_a_channel(double zlp)
    {
        var counts = TestFrames.Spectrum(zlp);
        double? found = ZeroLossAligner.FindZeroLoss<double>(counts, TestFrames.Offset, TestFrames.Dispersion, 3.0);
        Assert.NotNull(found);
        Assert.InRange(found!.Value - zlp, -0.1 * TestFrames.Dispersion, 0.1 * TestFrames.Dispersion);
    }

    [Fact]
    public void Reports_no_peak_when_the_search_range_is_off_the_spectrum_or_empty()
    {
        var counts = TestFrames.Spectrum();
        Assert.Null(ZeroLossAligner.FindZeroLoss<double>(counts, 100, 0.1, 3.0));
        Assert.Null(ZeroLossAligner.FindZeroLoss<double>(new double[512], TestFrames.Offset, TestFrames.Dispersion, 3.0));
    }

    [Fact]
    public void Aligned_integrals_do_not_depend_on_the_drift()
    {
        double Integral(double drift)
        {
            var counts = TestFrames.Spectrum(drift);
            double zlp = ZeroLossAligner.FindZeroLoss<double>(counts, TestFrames.Offset, TestFrames.Dispersion, 3.0)!.Value;
            return WindowIntegrator.Integrate<double>(counts, TestFrames.Offset - zlp, TestFrames.Dispersion, 18, 26);
        }

        double reference = Integral(0);
        Assert.InRange(Integral(0.43) / reference, 0.995, 1.005);
        Assert.InRange(Integral(-0.61) / reference, 0.995, 1.005);
    }

    [Property(MaxTest = 300)]
    public Property The_vectorised_search_finds_the_first_maximum_like_a_plain_scan()
    {
        // Few distinct values, so ties are common; lengths below, at and above whole vectors.
        var gen = from length in Gen.Choose(1, 200)
                  from values in Gen.ArrayOf(Gen.Choose(-3, 5), length)
                  select values;
        return Prop.ForAll(gen.ToArbitrary(), values =>
        {
            int expected = 0;
            for (int i = 1; i < values.Length; i++)
            {
                if (values[i] > values[expected])
                {
                    expected = i;
                }
            }

            var floats = values.Select(v => (float)v).ToArray();
            var doubles = values.Select(v => (double)v).ToArray();
            return ZeroLossAligner.IndexOfFirstMaximum<float>(floats) == expected
                && ZeroLossAligner.IndexOfFirstMaximum<double>(doubles) == expected;
        });
    }
}

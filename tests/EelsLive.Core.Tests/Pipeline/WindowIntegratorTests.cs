using EelsLive.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EelsLive.Core.Tests.Pipeline;

public class WindowIntegratorTests
{
    private static readonly double[] Ramp = Enumerable.Range(0, 100).Select(i => 1.0 + (i % 7) + (0.5 * i)).ToArray();

    [Fact]
    public void Whole_channels_sum_exactly()
    {
        // offset 0, d = 1: channel i spans [i − 0.5, i + 0.5); [1.5, 4.5) covers channels 2, 3, 4 exactly.
        double integral = WindowIntegrator.Integrate<double>(Ramp, 0, 1, 1.5, 4.5);
        Assert.Equal(Ramp[2] + Ramp[3] + Ramp[4], integral, 12);
    }

    [Fact]
    public void Edge_channels_count_by_their_overlap()
    {
        // [1.75, 3.0) = ¾ of channel 2 ([1.5, 2.5)) + ½ of channel 3 ([2.5, 3.5)).
        double integral = WindowIntegrator.Integrate<double>(Ramp, 0, 1, 1.75, 3.0);
        Assert.Equal((0.75 * Ramp[2]) + (0.5 * Ramp[3]), integral, 12);
    }

    [Fact]
    public void Window_inside_one_channel_takes_its_fraction()
    {
        double integral = WindowIntegrator.Integrate<double>(Ramp, 0, 1, 2.6, 2.9);
        Assert.Equal(0.3 * Ramp[3], integral, 12);
    }

    [Fact]
    public void Window_outside_the_spectrum_is_zero_and_partial_cover_is_clipped()
    {
        Assert.Equal(0, WindowIntegrator.Integrate<double>(Ramp, 0, 1, 200, 300));
        Assert.Equal(0, WindowIntegrator.Integrate<double>(Ramp, 0, 1, -10, -0.5));
        Assert.Equal(Ramp[0] + (0.5 * Ramp[1]), WindowIntegrator.Integrate<double>(Ramp, 0, 1, -3, 1.0), 12);
    }

    [Property(MaxTest = 300)]
    public Property Adjacent_windows_add_up_to_their_union()
    {
        var gen = from lo in Gen.Choose(-100, 1200)
                  from w1 in Gen.Choose(1, 300)
                  from w2 in Gen.Choose(1, 300)
                  from offset in Gen.Choose(-500, 500)
                  select (lo / 10.0, w1 / 10.0, w2 / 10.0, offset / 100.0);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (lo, w1, w2, offset) = t;
            double mid = lo + w1, hi = mid + w2;
            double a = WindowIntegrator.Integrate<double>(Ramp, offset, 0.7, lo, mid);
            double b = WindowIntegrator.Integrate<double>(Ramp, offset, 0.7, mid, hi);
            double union = WindowIntegrator.Integrate<double>(Ramp, offset, 0.7, lo, hi);
            return Math.Abs(a + b - union) <= 1e-9 * Math.Max(1, Math.Abs(union));
        });
    }

    [Property(MaxTest = 300)]
    public Property Integral_is_continuous_in_the_offset()
    {
        var gen = from lo in Gen.Choose(50, 400)
                  from width in Gen.Choose(5, 200)
                  from offset in Gen.Choose(-300, 300)
                  select (lo / 10.0, width / 10.0, offset / 100.0);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (lo, width, offset) = t;
            const double step = 1e-7;
            double a = WindowIntegrator.Integrate<double>(Ramp, offset, 0.5, lo, lo + width);
            double b = WindowIntegrator.Integrate<double>(Ramp, offset + step, 0.5, lo, lo + width);

            // A shift of δ moves at most δ/d of a channel across each edge.
            double bound = 2 * (step / 0.5) * Ramp.Max() * 1.0001;
            return Math.Abs(a - b) <= bound;
        });
    }

    [Property(MaxTest = 200)]
    public Property Agrees_with_a_fine_numerical_integral()
    {
        var gen = from lo in Gen.Choose(0, 400)
                  from width in Gen.Choose(1, 300)
                  select (lo / 10.0, width / 10.0);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (lo, width) = t;
            double hi = lo + width;
            const double offset = 0.3, d = 0.5;
            const int steps = 20000;
            double h = (hi - lo) / steps, brute = 0;
            for (int k = 0; k < steps; k++)
            {
                double e = lo + ((k + 0.5) * h);
                int channel = (int)Math.Floor(((e - offset) / d) + 0.5);
                if (channel >= 0 && channel < Ramp.Length)
                {
                    brute += Ramp[channel] * h / d;
                }
            }

            double exact = WindowIntegrator.Integrate<double>(Ramp, offset, d, lo, hi);
            return Math.Abs(exact - brute) <= 1e-3 * Math.Max(1, Math.Abs(exact));
        });
    }

    [Fact]
    public void Float_and_double_paths_agree_and_total_matches_a_plain_sum()
    {
        var floats = Ramp.Select(v => (float)v).ToArray();
        Assert.Equal(
            WindowIntegrator.Integrate<double>(Ramp, 0.1, 0.3, 2, 9),
            WindowIntegrator.Integrate<float>(floats, 0.1, 0.3, 2, 9), 9);
        Assert.Equal(Ramp.Sum(), WindowIntegrator.Total<float>(floats), 6);
        Assert.Equal(Ramp.Sum(), WindowIntegrator.Total<double>(Ramp), 9);
    }

    [Property(MaxTest = 200)]
    public Property Float_total_matches_a_double_sum_of_the_same_floats_at_any_length()
    {
        // Covers whole blocks, a short last block and the scalar tail of the blocked float summation.
        var gen = from length in Gen.Choose(0, 3000)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (length, seed);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var floats = Enumerable.Range(0, t.length).Select(_ => (float)(random.NextDouble() * Math.Pow(10, random.Next(0, 7)))).ToArray();
            double exact = floats.Sum(f => (double)f);
            double blocked = WindowIntegrator.Total<float>(floats);
            return Math.Abs(blocked - exact) <= 1e-6 * Math.Max(1, exact);
        });
    }

    [Property(MaxTest = 200)]
    public Property Float_and_double_integrals_agree_on_long_spectra()
    {
        var gen = from lo in Gen.Choose(-100, 1100)
                  from width in Gen.Choose(1, 1200)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (lo / 10.0, width / 10.0, seed);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var floats = Enumerable.Range(0, 2048).Select(_ => (float)(random.NextDouble() * 1e5)).ToArray();
            var doubles = floats.Select(f => (double)f).ToArray();
            double single = WindowIntegrator.Integrate<float>(floats, -5, 0.05, t.Item1, t.Item1 + t.Item2);
            double reference = WindowIntegrator.Integrate<double>(doubles, -5, 0.05, t.Item1, t.Item1 + t.Item2);
            return Math.Abs(single - reference) <= 1e-6 * Math.Max(1, reference);
        });
    }
}

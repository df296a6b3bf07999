using EelsLive.Model.Binning;

namespace EelsLive.Model.Tests.Binning;

public class BinStatisticsTests
{
    [Fact]
    public void Bin_index_is_monotone_and_bounded()
    {
        var binning = new LogDoseBinning(1, 1e6, 8);
        Assert.Equal(0, binning.IndexOf(0));
        Assert.Equal(0, binning.IndexOf(0.99));
        var previous = 0;
        for (var dose = 1.0; dose < 1e7; dose *= 1.07)
        {
            var index = binning.IndexOf(dose);
            Assert.InRange(index, previous, binning.Count - 1);
            previous = index;
        }

        Assert.Equal(binning.Count - 1, binning.IndexOf(1e9));
    }

    [Fact]
    public void Collected_bins_hold_weighted_means_and_noise_is_recovered()
    {
        var binning = new LogDoseBinning(1, 1e6, 8);
        var statistics = new BinStatistics(binning, members: 2, windows: 1);
        var random = new Random(2);
        const double relativeSigma = 0.007;
        double sumDose = 0, sumSignal = 0;
        var count = 0;
        for (var i = 0; i < 4000; i++)
        {
            var dose = 100 + 30 * random.NextDouble();
            var mean = 0.03 - 1e-5 * dose;
            var signal = mean + relativeSigma * mean * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            statistics.Add(dose, [signal], [1, 0]);
            if (binning.IndexOf(dose) == binning.IndexOf(100))
            {
                sumDose += dose;
                sumSignal += signal;
                count++;
            }
        }

        var series = new BinnedSeries(binning.Count, 1);
        statistics.Collect(0, series);
        var bin = Enumerable.Range(0, series.Count).Single(b => binning.IndexOf(series.Dose[b]) == binning.IndexOf(100));
        Assert.Equal(count, series.Weight[bin]);
        Assert.Equal(sumDose / count, series.Dose[bin], 9);
        Assert.Equal(sumSignal / count, series.SignalsOf(0)[bin], 12);
        Assert.InRange(Math.Sqrt(statistics.RelativeNoiseVariance(0)), 0.9 * relativeSigma, 1.1 * relativeSigma);

        statistics.Collect(1, series);
        Assert.Equal(0, series.Count);
    }

    [Fact]
    public void Poisson_weights_have_unit_mean_and_variance()
    {
        var source = new PoissonWeightSource(42);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            double k = source.NextPoissonOne();
            sum += k;
            sumSquares += k * k;
        }

        var mean = sum / n;
        Assert.InRange(mean, 0.99, 1.01);
        Assert.InRange(sumSquares / n - mean * mean, 0.98, 1.02);
    }

    [Fact]
    public void Change_z_is_zero_for_constant_signal_and_large_for_a_drop()
    {
        var binning = new LogDoseBinning(1, 1e6, 8);
        var flat = new BinStatistics(binning, 1, 1);
        var drop = new BinStatistics(binning, 1, 1);
        var random = new Random(3);
        for (var i = 1; i <= 500; i++)
        {
            var noise = 1e-4 * (random.NextDouble() - 0.5);
            flat.Add(i * 5, [0.02 + noise], [1]);
            drop.Add(i * 5, [0.02 * Math.Exp(-i * 5 / 1000.0) + noise], [1]);
        }

        Assert.InRange(flat.ChangeZ(0, flat.RelativeNoiseVariance(0)), -4, 4);
        Assert.True(drop.ChangeZ(0, drop.RelativeNoiseVariance(0)) < -20);
    }
}

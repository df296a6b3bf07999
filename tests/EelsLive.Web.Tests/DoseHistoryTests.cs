using FsCheck.Xunit;

namespace EelsLive.Web.Tests;

public sealed class DoseHistoryTests
{
    [Fact]
    public void Keeps_every_point_until_full()
    {
        var history = new DoseHistory(100, 1);
        for (int i = 0; i < 100; i++)
        {
            history.Add(i, [i * 2.0]);
        }

        Assert.Equal(100, history.Count);
        Assert.Equal(198, history.Column(0)[^1]);
    }

    [Fact]
    public void Stays_bounded_over_100000_frames_and_keeps_the_first_and_newest()
    {
        var history = new DoseHistory(2000, 2);
        for (int i = 0; i < 100_000; i++)
        {
            history.Add(i * 0.5, [i, -i]);
        }

        Assert.InRange(history.Count, 1000, 2000);
        Assert.Equal(0, history.Dose[0]);
        Assert.Equal(99_999 * 0.5, history.Dose[^1]);
        Assert.Equal(99_999, history.Column(0)[^1]);
        Assert.Equal(-99_999, history.Column(1)[^1]);
    }

    [Property(MaxTest = 50)]
    public bool Doses_stay_ascending_and_evenly_thinned(int seed)
    {
        var random = new Random(seed);
        var history = new DoseHistory(64, 1);
        double dose = 0;
        for (int i = 0; i < 5000; i++)
        {
            dose += random.NextDouble() * 3;
            history.Add(dose, [dose]);
        }

        var d = history.Dose;
        double span = d[^1] - d[0];
        for (int i = 1; i < d.Count; i++)
        {
            // Ascending, values travel with their dose, and no gap is wider than a few thinning steps.
            if (!(d[i] >= d[i - 1]) || history.Column(0)[i] != d[i] || d[i] - d[i - 1] > span / 8)
            {
                return false;
            }
        }

        return history.Count <= 64 && d[^1] == dose;
    }
}

using EelsLive.Cli.Validation;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Validation;

/// <summary>The reference fits recover D50 from a session's signals, whatever the family and direction, and tell the families apart where the data do.</summary>
public class ReferenceFitTests
{
    private static readonly double[] Doses = [.. Enumerable.Range(0, 1000).Select(i => (5.0 * i) + 2.5)];

    public static TheoryData<string, double> Families => new()
    {
        { "exponential", 0 },
        { "order_p", 1.7 },
        { "order_p", 2.5 },
        { "stretched", 0.6 },
        { "stretched", 1.3 },
        { "two_stage", 0.3 },
    };

    private static IDamageKinetics Kinetics(string family, double shape, double d50) => family switch
    {
        "exponential" => ExponentialKinetics.FromD50(d50),
        "order_p" => OrderPKinetics.FromD50(d50, shape),
        "stretched" => StretchedExponentialKinetics.FromD50(d50, shape),
        "two_stage" => TwoStageKinetics.FromD50(shape * d50, d50),
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    private static double[] Signals(IDamageKinetics kinetics, double start, double end, double noise, int seed)
    {
        var random = new Random(seed);
        return [.. Doses.Select(d => end + ((start - end) * kinetics.Integrity(d)) + (noise * Gaussian(random)))];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Theory]
    [MemberData(nameof(Families))]
    public void Noise_free_signals_give_back_the_true_D50_for_falling_and_rising_windows(string family, double shape)
    {
        foreach (var (d50, start, end) in new[] { (1100.0, 0.0066, 0.0049), (700.0, 0.0264, 0.0197), (1500.0, 0.0046, 0.0056) })
        {
            var truth = Kinetics(family, shape, d50);

            double? fitted = ReferenceFit.TrueFamilyD50(truth, Doses, Signals(truth, start, end, noise: 0, seed: 1));

            Assert.NotNull(fitted);
            Assert.True(Math.Abs(fitted.Value - d50) / d50 < 0.002, $"{family} {shape}: D50 {fitted:F1} for a true {d50}");
        }
    }

    [Fact]
    public void The_fit_uses_only_the_family_not_the_true_parameters()
    {
        // The truth passed in is a different member of the family: the fit must find the data's D50, not the argument's.
        var data = OrderPKinetics.FromD50(900, 2.2);
        var other = OrderPKinetics.FromD50(3000, 1.1);

        double? fitted = ReferenceFit.TrueFamilyD50(other, Doses, Signals(data, 0.0264, 0.0197, noise: 0, seed: 1));

        Assert.True(Math.Abs(fitted!.Value - 900) / 900 < 0.002, $"D50 {fitted:F1}");
    }

    [Fact]
    public void With_noise_of_one_percent_of_the_signal_the_D50_is_found_within_a_few_percent()
    {
        var truth = OrderPKinetics.FromD50(850, 1.8);
        var errors = Enumerable.Range(1, 8)
            .Select(seed => ReferenceFit.TrueFamilyD50(truth, Doses, Signals(truth, 0.0264, 0.0197, noise: 0.0002, seed))!.Value)
            .Select(d50 => Math.Abs(d50 - 850) / 850)
            .ToList();

        Assert.All(errors, e => Assert.True(e < 0.10, $"D50 error {e:P1}"));
        Assert.True(errors.Average() < 0.04, $"mean D50 error {errors.Average():P1}");
    }

    [Theory]
    [InlineData("exponential", 0)]
    [InlineData("order_p", 2.5)]
    [InlineData("stretched", 0.5)]
    [InlineData("two_stage", 0.4)]
    public void The_family_the_data_favour_is_the_true_one_where_the_forms_differ_clearly(string family, double shape)
    {
        var truth = Kinetics(family, shape, 700);
        string expected = family == "stretched" ? "stretched_exponential" : family;

        var best = ReferenceFit.BestFamily(Doses, Signals(truth, 0.0264, 0.0197, noise: 0.00002, seed: 3));

        Assert.NotNull(best);
        Assert.Equal(expected, best.Value.Family);
        Assert.True(Math.Abs(best.Value.D50 - 700) / 700 < 0.01, $"D50 {best.Value.D50:F1}");
    }

    [Fact]
    public void Both_references_at_once_are_the_two_fits_made_separately()
    {
        var truth = OrderPKinetics.FromD50(1100, 1.6);
        var signals = Signals(truth, 0.0066, 0.0049, noise: 0.00007, seed: 5);

        var both = ReferenceFit.Both(truth, Doses, signals);
        var best = ReferenceFit.BestFamily(Doses, signals);

        Assert.NotNull(both);
        Assert.Equal(ReferenceFit.TrueFamilyD50(truth, Doses, signals), both.Value.TrueFamilyD50);
        Assert.Equal(best!.Value.Family, both.Value.BestFamily);
        Assert.Equal(best.Value.D50, both.Value.BestFamilyD50);
        Assert.Null(ReferenceFit.Both(NoDamageKinetics.Instance, Doses, signals)!.Value.TrueFamilyD50);
    }

    [Fact]
    public void A_window_without_damage_or_with_too_few_frames_has_no_reference()
    {
        Assert.Null(ReferenceFit.TrueFamilyD50(NoDamageKinetics.Instance, Doses, [.. Doses.Select(_ => 0.08)]));
        Assert.Null(ReferenceFit.TrueFamilyD50(ExponentialKinetics.FromD50(700), [2.5, 7.5, 12.5], [0.02, 0.02, 0.02]));
        Assert.Null(ReferenceFit.BestFamily([2.5, 7.5, 12.5], [0.02, 0.02, 0.02]));
        Assert.Null(ReferenceFit.Both(ExponentialKinetics.FromD50(700), [2.5, 7.5, 12.5], [0.02, 0.02, 0.02]));
    }

    [Fact]
    public void Doses_and_signals_of_different_lengths_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReferenceFit.TrueFamilyD50(ExponentialKinetics.FromD50(700), Doses, [0.02, 0.02]));
        Assert.Contains("1000 doses but 2 signals", ex.Message, StringComparison.Ordinal);
    }
}

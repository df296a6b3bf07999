using EelsLive.Simulation;

namespace EelsLive.Simulation.Tests;

public sealed class KineticsFromTruthTests
{
    public static TheoryData<string> Presets() => [.. SimulationPresets.Names];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Every_window_of_a_truth_file_rebuilds_the_preset_s_own_integrity_curve(string preset)
    {
        SimulationPresets.TryGet(preset, out var chosen);
        var scenario = new SimulationScenario(chosen!, 4);
        var truth = GroundTruthFile.FromJson(GroundTruthFile.ToJson(GroundTruth.For(new SimulatedSeries(scenario, new SeriesOptions { Frames = 50 }))));

        for (int w = 0; w < truth.Windows.Count; w++)
        {
            var original = scenario.Preset.Windows[w].Kinetics;
            var rebuilt = KineticsFromTruth.Create(truth.Windows[w]);
            Assert.Equal(original.Family, rebuilt.Family);
            foreach (double dose in new[] { 0.0, 50, 400, 1000, 2500, 8000 })
            {
                Assert.Equal(original.Integrity(dose), rebuilt.Integrity(dose), 12);
            }

            if (truth.Windows[w].D50EA2 is { } d50)
            {
                Assert.Equal(d50, rebuilt.D50, 6);
            }
        }
    }

    [Theory]
    [InlineData("spiral", "{}", "unknown kinetics family 'spiral'")]
    [InlineData("order_p", "{\"order\":2}", "lacks the parameter 'rate_constant_a2_per_e'")]
    [InlineData("exponential", "{\"critical_dose_e_a2\":-5}", "window 'c_o' (exponential)")]
    public void A_window_that_cannot_be_rebuilt_is_refused_with_its_name_and_the_reason(string family, string parameters, string message)
    {
        var window = new WindowTruth(
            "c_o", 10, 15, family, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(parameters)!,
            null, null, false, 0.4, 0.1, 0.02, 0.01, 0.5, 0.015);

        var error = Assert.Throws<InvalidDataException>(() => KineticsFromTruth.Create(window));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

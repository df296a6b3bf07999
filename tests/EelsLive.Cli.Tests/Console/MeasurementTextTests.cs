using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Pipeline;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The console's words when windows cannot be measured: what is wrong, what it costs, and what to do.</summary>
public class MeasurementTextTests
{
    private static readonly FrameReport Report = new("s1", 3, 1_700_000_000, 15, false, 50, 0, 0, [], "ok", [], null, null);

    [Fact]
    public void Windows_outside_the_spectrum_are_named_with_their_ranges_and_the_spectrums_range()
    {
        var problem = new MeasurementProblemFound(Report, MeasurementProblemKind.OutsideSpectrum,
            [(new EnergyWindow("c_c", 4, 7), 0.0), (new EnergyWindow("c_o", 10, 15), 0.0)], new EnergyRange(250.0, 352.4), Normalisation.ZeroLoss);

        Assert.Equal(
            "NO DATA c_c (4–7 eV), c_o (10–15 eV) from seq 3 of series s1: outside this spectrum's energy range (250.0–352.4 eV): "
            + "these windows cannot be measured and cannot raise a damage alarm; check the spectrometer's energy offset and dispersion, or --windows",
            MeasurementText.Describe(problem));
    }

    [Fact]
    public void A_window_partly_outside_gives_the_share_inside()
    {
        var problem = new MeasurementProblemFound(Report, MeasurementProblemKind.PartlyOutsideSpectrum,
            [(new EnergyWindow("m_o", 20, 25), 0.4)], new EnergyRange(-5.05, 22.05), Normalisation.ZeroLoss);

        Assert.Equal(
            "PARTLY MEASURED m_o (20–25 eV, 40 % inside) from seq 3 of series s1: the spectrum covers only -5.0–22.1 eV, "
            + "so the integral holds the part inside only; its signal changes whenever that part does",
            MeasurementText.Describe(problem));
    }

    [Theory]
    [InlineData(Normalisation.ZeroLoss, "no zero-loss peak in this spectrum (250.0–352.4 eV)", "--normalise total")]
    [InlineData(Normalisation.Total, "the spectrum (250.0–352.4 eV) has no positive counts", "no damage alarm can be raised")]
    public void No_reference_says_why_and_that_no_alarm_can_come(Normalisation normalisation, string why, string advice)
    {
        var problem = new MeasurementProblemFound(Report, MeasurementProblemKind.NoReference,
            [(new EnergyWindow("c_c", 4, 7), 0.0)], new EnergyRange(250.0, 352.4), normalisation);

        var text = MeasurementText.Describe(problem);
        Assert.StartsWith("NO DATA from seq 3 of series s1: ", text, StringComparison.Ordinal);
        Assert.Contains(why, text, StringComparison.Ordinal);
        Assert.Contains(advice, text, StringComparison.Ordinal);
    }
}

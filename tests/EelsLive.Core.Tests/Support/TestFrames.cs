using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Core.Tests.Support;

/// <summary>Builds wire messages for tests: a simple low-loss-like spectrum with a zero-loss peak.</summary>
internal static class TestFrames
{
    public const int Channels = 512;
    public const double Offset = -5.0;
    public const double Dispersion = 0.1;

    public static double[] Spectrum(double zlpEv = 0.0, double scale = 1.0)
    {
        var counts = new double[Channels];
        for (int i = 0; i < Channels; i++)
        {
            double e = Offset + (i * Dispersion);
            double zlp = 1e5 * Math.Exp(-0.5 * Math.Pow((e - zlpEv) / 0.3, 2));
            double plasmon = 2e3 / (1 + Math.Pow((e - zlpEv - 22) / 4, 2));
            counts[i] = scale * (zlp + plasmon + 50);
        }

        return counts;
    }

    public static FrameMessage Frame(
        long seq, string series = "s1", double? dose = 1.0, double? cumulative = null,
        double? current = null, double? area = null, double exposure = 0.1, double zlpEv = 0.0, double t0 = 1_700_000_000)
    {
        return new FrameMessage(series, seq, t0 + (seq * exposure), exposure, Channels, Offset, Dispersion,
            SpectrumCounts.FromValues(Spectrum(zlpEv), CountsDtype.F32))
        {
            DoseEA2 = dose,
            CumulativeDoseEA2 = cumulative,
            BeamCurrentPa = current,
            IlluminatedAreaA2 = area,
        };
    }

    public static RecordedMessage Wire(WireMessage message, double received = 0) =>
        new(received, [System.Text.Encoding.UTF8.GetBytes(message.Topic), WireEncoder.Encode(message)]);

    public static RecordedMessage Raw(string topic, byte[] payload, double received = 0) =>
        new(received, [System.Text.Encoding.UTF8.GetBytes(topic), payload]);
}

using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.TestSupport;

/// <summary>
/// Builds wire messages of a damaging low-loss series for tests: a zero-loss peak, a plasmon, and one feature per
/// default window whose height falls with dose (π–π* rises), so the engine and model see real damage.
/// </summary>
internal static class DamageFrames
{
    public const int Channels = 512;
    public const double Offset = -5.0;
    public const double Dispersion = 0.1;

    private static readonly (double CentreEv, double Height, double D0, bool Rising)[] Features =
    [
        (2.0, 800, 150, true),
        (5.5, 1500, 400, false),
        (12.5, 1200, 80, false),
        (22.5, 900, 1500, false),
    ];

    public static double[] Spectrum(double dose)
    {
        var counts = new double[Channels];
        for (int i = 0; i < Channels; i++)
        {
            double e = Offset + (i * Dispersion);
            double c = 1e5 * Math.Exp(-0.5 * Math.Pow(e / 0.3, 2)) + (2e3 / (1 + Math.Pow((e - 22) / 4, 2))) + 50;
            foreach (var (centre, height, d0, rising) in Features)
            {
                double decay = Math.Exp(-dose / d0);
                double scale = rising ? 1 + (1.5 * (1 - decay)) : 0.25 + (0.75 * decay);
                c += height * scale * Math.Exp(-0.5 * Math.Pow((e - centre) / 0.8, 2));
            }

            counts[i] = c;
        }

        return counts;
    }

    public static FrameMessage Frame(long seq, double dosePerFrame, string series = "s1", double exposure = 0.1, double t0 = 1_700_000_000)
    {
        double cumulative = (seq + 1) * dosePerFrame;
        return new FrameMessage(series, seq, t0 + (seq * exposure), exposure, Channels, Offset, Dispersion,
            SpectrumCounts.FromValues(Spectrum(cumulative - (dosePerFrame / 2)), CountsDtype.F32))
        {
            DoseEA2 = dosePerFrame,
        };
    }

    public static RecordedMessage Wire(WireMessage message, double received = 0) =>
        new(received, [System.Text.Encoding.UTF8.GetBytes(message.Topic), WireEncoder.Encode(message)]);
}

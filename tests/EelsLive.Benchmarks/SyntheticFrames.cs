using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Benchmarks;

/// <summary>Encoded low-loss frames with a zero-loss peak, a plasmon and noise, for benchmarks.</summary>
internal static class SyntheticFrames
{
    public static RecordedMessage[] Messages(int count, int channels, string series = "bench")
    {
        var random = new Random(42);
        var topic = System.Text.Encoding.UTF8.GetBytes(WireTopics.Frame);
        var result = new RecordedMessage[count];
        var counts = new double[channels];
        for (int n = 0; n < count; n++)
        {
            double drift = 0.1 * Math.Sin(n * 0.01);
            for (int i = 0; i < channels; i++)
            {
                double e = -5 + (i * 0.05) - drift;
                counts[i] = (1e5 * Math.Exp(-0.5 * e * e / 0.09)) + (3e3 / (1 + Math.Pow((e - 23) / 5, 2))) + 40 + random.NextDouble();
            }

            var frame = new FrameMessage(series, n, 1.7e9 + (n * 0.001), 0.001, channels, -5, 0.05, SpectrumCounts.FromValues(counts, CountsDtype.F32))
            {
                DoseEA2 = 1.0,
                CumulativeDoseEA2 = n + 1.0,
            };
            result[n] = new RecordedMessage(0, [topic, WireEncoder.Encode(frame)]);
        }

        return result;
    }
}

using System.Diagnostics;
using System.Globalization;
using EelsLive.Model;

namespace EelsLive.Benchmarks;

/// <summary>
/// Per-frame refit cost of a damage model (Add + Refit, as the engine does for every frame) at frame 1,000 and frame
/// 100,000 of a session, as a distribution (p50, p99) over many consecutive frames. An optional second argument sets the
/// physics model's <see cref="ModelOptions.RefitParallelism"/>; an optional third (<c>physics</c> or <c>classical</c>) times one
/// model only, e.g. under a profiler.
/// </summary>
internal static class RefitBench
{
    private static readonly string[] Windows = ["pi_pi", "c_c", "c_o", "m_o"];

    public static int Run(string[] args)
    {
        int timed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
        var options = new ModelOptions();
        options = args.Length > 1 ? options with { RefitParallelism = int.Parse(args[1], CultureInfo.InvariantCulture) } : options;
        Console.WriteLine($"physics: ensemble refitted on {options.RefitParallelism} thread(s); {Environment.ProcessorCount} processors");
        ModelKind[] kinds = args.Length > 2 ? [Enum.Parse<ModelKind>(args[2], ignoreCase: true)] : [ModelKind.Physics, ModelKind.Classical];
        foreach (var kind in kinds)
        {
            foreach (int at in new[] { 1_000, 100_000 })
            {
                var (p50, p99, mean) = Measure(kind, at, timed, options);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-9} refit at frame {at,7:N0}: p50 {p50:F3} ms, p99 {p99:F3} ms, mean {mean:F3} ms over {timed} frames"));
            }
        }

        return 0;
    }

    private static (double P50, double P99, double Mean) Measure(ModelKind kind, int startFrame, int timed, ModelOptions options)
    {
        var model = DamageModels.Create(kind, Windows, options);
        var random = new Random(7);
        var signals = new double[Windows.Length];
        // Both sessions end at 6,000 e/Å², so they cover the same dose range (the same log-dose bins) and differ only in length.
        double dosePerFrame = 6000.0 / (startFrame + timed);
        void Add(int frame)
        {
            double dose = (frame + 0.5) * dosePerFrame;
            for (int w = 0; w < Windows.Length; w++)
            {
                double integrity = Math.Exp(-dose / (700 + (300 * w)));
                signals[w] = (0.02 + (0.01 * integrity)) * (1 + (0.005 * NextGaussian(random)));
            }

            model.Add(dose, signals);
        }

        for (int frame = 0; frame < startFrame; frame++)
        {
            Add(frame);
            if (frame % 97 == 0 || frame > startFrame - 50)
            {
                model.Refit((frame + 1) * dosePerFrame);
            }
        }

        var times = new double[timed];
        for (int i = 0; i < timed; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Add(startFrame + i);
            model.Refit((startFrame + i + 1) * dosePerFrame);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[timed / 2], times[(int)(timed * 0.99)], times.Average());
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

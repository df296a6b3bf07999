using System.Diagnostics;
using System.Globalization;
using EelsLive.Model;

namespace EelsLive.Benchmarks;

/// <summary>
/// Per-frame refit cost over a whole session from its first frame, in a fresh process, as <c>eelslive analyze</c> or a live
/// monitor sees it: the first refits (the code's first compilation, a fit still settling) are counted, unlike in
/// <see cref="RefitBench"/>, which measures a settled fit. Arguments: frames (default 1,500), frames per second (default 0,
/// back to back; a rate paces the frames as a live source would, the thread idling between them), model kind (default
/// physics), session (default <c>mil101fe</c>; <c>twostage</c> for windows that decay after an incubation, whose fits end
/// on the stretched law with an onset dose).
/// </summary>
internal static class RefitSessionBench
{
    private static readonly string[] Windows = ["pi_pi", "c_c", "c_o", "m_o"];

    // A MIL-101(Fe)-like session (the demo's): order-p decay of C–C and C–O, a rising π–π* window, a stable M–O window;
    // 4 e/Å² per frame, 1 % relative noise.
    private static readonly (double D50, double Order, double S0, double SInfinity, double Incubation)[] OrderP =
        [(1500, 1.5, 0.020, 0.026, 0), (1100, 1.6, 0.030, 0.022, 0), (850, 1.8, 0.040, 0.028, 0), (500_000, 1, 0.120, 0.110, 0)];

    // The validation's two-stage preset: incubations of 300, 400 and 200 e/Å², then single-exponential decay.
    private static readonly (double D50, double Order, double S0, double SInfinity, double Incubation)[] TwoStage =
        [(1500, 1, 0.020, 0.026, 300), (1200, 1, 0.030, 0.022, 400), (800, 1, 0.040, 0.028, 200), (500_000, 1, 0.120, 0.110, 0)];

    private const double DosePerFrame = 4;

    public static int Run(string[] args)
    {
        int frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1500;
        double rate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var kind = args.Length > 2 ? Enum.Parse<ModelKind>(args[2], ignoreCase: true) : ModelKind.Physics;
        var session = args.Length > 3 ? args[3] : "mil101fe";
        if (frames < 2 || rate < 0 || !double.IsFinite(rate) || session is not ("mil101fe" or "twostage"))
        {
            Console.Error.WriteLine("refit-session [FRAMES ≥ 2] [FRAMES_PER_SECOND ≥ 0] [physics|classical] [mil101fe|twostage]");
            return 2;
        }

        var quickJit = AppContext.GetData("System.Runtime.TieredCompilation.QuickJit");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind} model, {session} session, {frames} frames from the first, {(rate > 0 ? $"{rate} frames/s" : "back to back")}; QuickJit {quickJit ?? "default"} in runtimeconfig, DOTNET_TC_QuickJit={Environment.GetEnvironmentVariable("DOTNET_TC_QuickJit") ?? "unset"}"));
        var times = Measure(kind, frames, rate, session == "twostage" ? TwoStage : OrderP);
        Print("all frames", times);
        Print("frames 2-300", times[1..Math.Min(300, frames)]);
        if (frames > 300)
        {
            Print($"frames 301-{frames}", times[300..]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first refit {times[0]:F1} ms"));
        return 0;
    }

    private static double[] Measure(ModelKind kind, int frames, double rate, (double D50, double Order, double S0, double SInfinity, double Incubation)[] truth)
    {
        var model = DamageModels.Create(kind, Windows, new ModelOptions());
        var random = new Random(11);
        var signals = new double[Windows.Length];
        var times = new double[frames];
        long sessionStart = Stopwatch.GetTimestamp();
        for (int frame = 0; frame < frames; frame++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds(frame / rate) - Stopwatch.GetElapsedTime(sessionStart);
                if (due > TimeSpan.Zero)
                {
                    Thread.Sleep(due);
                }
            }

            long start = Stopwatch.GetTimestamp();
            double dose = (frame + 0.5) * DosePerFrame;
            for (int w = 0; w < Windows.Length; w++)
            {
                var (d50, order, s0, sInfinity, incubation) = truth[w];
                double q = order - 1;
                double k = q == 0 ? Math.Log(2) / (d50 - incubation) : (Math.Pow(2, q) - 1) / (q * d50);
                double past = Math.Max(0, dose - incubation);
                double integrity = q == 0 ? Math.Exp(-k * past) : Math.Pow(1 + (q * k * past), -1 / q);
                signals[w] = (sInfinity + ((s0 - sInfinity) * integrity)) * (1 + (0.01 * NextGaussian(random)));
            }

            model.Add(dose, signals);
            model.Refit((frame + 1) * DosePerFrame);
            times[frame] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return times;
    }

    private static void Print(string label, double[] times)
    {
        var sorted = times.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-18} p50 {sorted[sorted.Length / 2]:F3} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F3} ms, max {sorted[^1]:F2} ms over {sorted.Length} refits"));
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using BenchmarkDotNet.Running;

namespace EelsLive.Benchmarks;

/// <summary>Runs the BenchmarkDotNet suites (<c>-- --filter *</c>), the end-to-end benches (<c>-- e2e</c>, in one process; <c>-- e2e-process</c>, publisher in its own process), the refit-latency benches (<c>-- refit</c>, a settled fit; <c>-- refit-session</c>, a whole session from its first frame) or the bare transport bench (<c>-- transport</c>).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "e2e")
        {
            return await EndToEndBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "e2e-process")
        {
            return await ExternalPublisherBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "transport")
        {
            return TransportBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "refit-session")
        {
            return RefitSessionBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "refit")
        {
            return RefitBench.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

using BenchmarkDotNet.Running;

namespace EelsLive.Benchmarks;

/// <summary>Runs the BenchmarkDotNet suites (<c>-- --filter *</c>) or the end-to-end throughput bench (<c>-- e2e</c>).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "e2e")
        {
            return await EndToEndBench.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

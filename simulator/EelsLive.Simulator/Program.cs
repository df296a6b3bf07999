using NetMQ;

namespace EelsLive.Simulator;

/// <summary>Entry point of <c>eelslive-sim</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int exitCode = await SimulatorCli.RunAsync(args);

        // Sockets are disposed by now; block until their lingering messages are flushed (or the linger expires).
        NetMQConfig.Cleanup(block: true);
        return exitCode;
    }
}

using System.CommandLine;
using EelsLive.Protocol;

namespace EelsLive.Simulator;

/// <summary>The <c>--bind</c> option shared by the simulate and replay commands.</summary>
internal static class EndpointOption
{
    public static Option<string> Create() => new Option<string>("--bind", "-b")
    {
        Description = "ZeroMQ endpoint to bind the PUB socket to (port 0 picks a free port). Consumers connect here.",
        HelpName = "tcp://HOST:PORT",
        DefaultValueFactory = _ => WireTopics.DefaultEndpoint,
    }.Check(
        e => e is not null && e.StartsWith("tcp://", StringComparison.Ordinal) && e.LastIndexOf(':') > "tcp://".Length,
        "a tcp:// endpoint such as tcp://127.0.0.1:5556 (ipc:// in NetMQ is not a Unix socket)");

    public static Option<int> CreateWarmup() => new Option<int>("--warmup-ms")
    {
        Description = "Wait up to this many ms for a subscriber before the first message (ZeroMQ slow joiner), then publish anyway.",
        HelpName = "MS",
        DefaultValueFactory = _ => 5000,
    }.AtLeast(0);
}

using NetMQ;

namespace EelsLive.Cli.Hosting;

/// <summary>Ends NetMQ at the end of a command so that messages still queued on disposed sockets are delivered first.</summary>
internal static class NetMQShutdown
{
    /// <summary>
    /// The longest a command waits at exit: the result stream lingers 1 s, and a socket that was not disposed (an error
    /// path) must not hang the process.
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Terminates NetMQ, waiting up to <see cref="Limit"/> for the sockets' linger. Without waiting (<c>Cleanup(block: false)</c>)
    /// NetMQ discards what is still queued, so the last <c>eelslive.result</c> and <c>eelslive.alarm</c> messages of a run that
    /// ends with the series (<c>--until-end</c>) could be lost before they left the process.
    /// </summary>
    public static void Run()
    {
        var cleanup = Task.Run(() => NetMQConfig.Cleanup(block: true));
        if (!cleanup.Wait(Limit))
        {
            // A socket is still open; leave its termination to process exit rather than wait for ever.
            _ = cleanup.ContinueWith(static t => t.Exception, TaskScheduler.Default);
        }
    }
}

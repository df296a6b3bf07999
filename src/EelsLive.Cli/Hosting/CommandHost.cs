using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EelsLive.Cli.Hosting;

/// <summary>
/// Runs a command inside a Microsoft.Extensions.Hosting host: the layered configuration, structured console logs
/// (on standard error, so standard output stays for results and the dashboard), and a graceful stop on Ctrl-C or SIGTERM.
/// </summary>
internal static class CommandHost
{
    /// <param name="configuration">The layered configuration.</param>
    /// <param name="body">The command's work, given the services and a token cancelled by Ctrl-C or SIGTERM.</param>
    /// <param name="cancellation">The command line's own cancellation.</param>
    /// <param name="consoleLogLevel">The least level logged to the console; raised while a live dashboard owns the terminal.</param>
    public static async Task<int> RunAsync(
        IConfiguration configuration,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        CancellationToken cancellation,
        LogLevel consoleLogLevel = LogLevel.Information)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ApplicationName = "eelslive",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, consoleLogLevel);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(TimeProvider.System);

        using var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.ApplicationStopping);
        int code = await body(host.Services, stop.Token).ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return code;
    }
}

using EelsLive.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EelsLive.Web;

/// <summary>
/// The live web dashboard, served by the monitor process with Kestrel: <c>/</c> is the page, <c>/events</c> the
/// server-sent event stream (<c>state</c>, <c>spectrum</c> throttled to the display rate; <c>alarm</c> at once) and
/// <c>/api/state</c> a JSON snapshot for scripts.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DashboardFeed _feed;
    private readonly EventStreamClients _clients;
    private bool _disposed;

    private DashboardServer(WebApplication app, DashboardFeed feed, EventStreamClients clients, Uri address)
    {
        _app = app;
        _feed = feed;
        _clients = clients;
        Address = address;
    }

    /// <summary>The dashboard's base address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts Kestrel on the configured address and follows <paramref name="events"/> until disposed.</summary>
    /// <exception cref="IOException">The port cannot be bound (in use, or not permitted).</exception>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, IObservable<PipelineEvent> events, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(k => k.Listen(options.BindAddress, options.Port));

        var app = builder.Build();
        var state = new DashboardState(options);
        var clients = new EventStreamClients();
        var feed = new DashboardFeed(events, options, state, clients);
        MapEndpoints(app, state, clients, feed);

        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            feed.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot serve the dashboard on {options.BindAddress}:{options.Port}: {ex.Message}", ex);
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, feed, clients, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _feed.Dispose();
        _clients.CompleteAll();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void MapEndpoints(WebApplication app, DashboardState state, EventStreamClients clients, DashboardFeed feed)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/{**path}", (string path) => Asset(path));
        app.MapGet("/api/state", () => Results.Text(state.StateJson(), "application/json; charset=utf-8"));
        app.MapGet("/events", (HttpContext context) =>
        {
            var lease = clients.Register(feed.Current());
            context.Response.RegisterForDispose(lease);
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.ServerSentEvents(lease.Reader.ReadAllAsync(context.RequestAborted));
        });
    }

    private static IResult Asset(string path) =>
        EmbeddedAssets.TryGet(path, out byte[] content, out string contentType)
            ? Results.Bytes(content, contentType)
            : Results.NotFound();
}

using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive.Threading.Tasks;
using EelsLive.Pipeline;
using EelsLive.Transport;

namespace EelsLive.Engine;

/// <summary>
/// Connects a message source to the <see cref="MonitorEngine"/> with System.Reactive: every message is offered
/// to <see cref="RawMessages"/> (for recording), processed in arrival order, and published on <see cref="Events"/>.
/// Timeouts run on the injected <see cref="IScheduler"/>, so tests drive them in virtual time.
/// </summary>
public sealed class LiveMonitor
{
    private readonly IObservable<IncomingMessage> _source;
    private readonly MonitorEngine _engine;
    private readonly IScheduler _scheduler;
    private readonly Subject<PipelineEvent> _events = new();
    private readonly Subject<IncomingMessage> _raw = new();

    /// <summary>Creates a monitor over <paramref name="source"/>; nothing runs until <see cref="RunAsync"/>.</summary>
    public LiveMonitor(IObservable<IncomingMessage> source, MonitorEngine engine, IScheduler scheduler)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
    }

    /// <summary>Every message as received, before processing (valid or not).</summary>
    public IObservable<IncomingMessage> RawMessages => _raw;

    /// <summary>The engine's events, in order.</summary>
    public IObservable<PipelineEvent> Events => _events;

    /// <summary>The counters of this run.</summary>
    public MonitorStatistics Statistics { get; } = new();

    /// <summary>Runs until the settings' stop condition, the source's completion, or cancellation.</summary>
    public async Task<RunOutcome> RunAsync(RunSettings settings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var processed = _source
            .Do(_raw.OnNext)
            .SelectMany(m => _engine.Process(m.Message, settings.CoalesceRefits && m.MoreFramesQueued))
            .Do(Statistics.Observe)
            .Do(_events.OnNext)
            .Publish();

        var stops = new List<IObservable<RunOutcome>>
        {
            processed.IgnoreElements().Select(_ => RunOutcome.SourceCompleted).Concat(Observable.Return(RunOutcome.SourceCompleted)),
        };

        if (settings.UntilEnd)
        {
            stops.Add(processed.OfType<SeriesEnded>().Take(1).Select(_ => RunOutcome.SeriesEnded));
        }

        if (settings.IdleTimeout is { } idle)
        {
            stops.Add(processed.Select(_ => Unit.Default).StartWith(_scheduler, Unit.Default)
                .Throttle(idle, _scheduler).Take(1).Select(_ => RunOutcome.IdleTimeout));
        }

        var cancelled = new TaskCompletionSource<RunOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellation.Register(() => cancelled.TrySetResult(RunOutcome.Cancelled));
        var first = stops.Merge().Take(1).Replay(1);
        using var firstConnection = first.Connect();
        using var connection = processed.Connect();
        var stopped = first.FirstAsync().ToTask(CancellationToken.None);
        var outcome = await (await Task.WhenAny(stopped, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        _events.OnCompleted();
        _raw.OnCompleted();
        return outcome;
    }
}

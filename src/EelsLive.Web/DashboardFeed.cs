using System.Net.ServerSentEvents;
using System.Reactive;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using EelsLive.Pipeline;

namespace EelsLive.Web;

/// <summary>
/// Subscribes the dashboard to the engine's events: folds each into the <see cref="DashboardState"/>, pushes an
/// <c>alarm</c> event at once when the alarm changes, and pushes <c>state</c> and <c>spectrum</c> at most at the
/// display rate (sampled on the injected scheduler, so a 1,000-frames/s feed costs the browser 10 updates/s).
/// </summary>
internal sealed class DashboardFeed : IDisposable
{
    private readonly DashboardState _state;
    private readonly EventStreamClients _clients;
    private readonly ISubject<Unit> _changed = Subject.Synchronize(new Subject<Unit>());
    private readonly IDisposable _display;
    private readonly IDisposable _input;

    /// <summary>Starts listening to <paramref name="events"/>.</summary>
    public DashboardFeed(IObservable<PipelineEvent> events, DashboardOptions options, DashboardState state, EventStreamClients clients)
    {
        _state = state;
        _clients = clients;
        var period = TimeSpan.FromSeconds(1 / options.MaxDisplayRateHz);
        _display = _changed.Sample(period, options.Scheduler).Subscribe(_ => PushDisplay());
        _input = events.Subscribe(OnEvent, _ => Finish(), Finish);
    }

    /// <summary>The items a newly connected client starts with: the current alarm, state and spectrum.</summary>
    public IEnumerable<SseItem<string>> Current()
    {
        yield return new SseItem<string>(_state.AlarmJson(), DashboardEventNames.Alarm);
        yield return new SseItem<string>(_state.StateJson(), DashboardEventNames.State);
        if (_state.SpectrumJson() is { } spectrum)
        {
            yield return new SseItem<string>(spectrum, DashboardEventNames.Spectrum);
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _display.Dispose();
    }

    private void OnEvent(PipelineEvent e)
    {
        if (_state.Observe(e))
        {
            _clients.Broadcast(new SseItem<string>(_state.AlarmJson(), DashboardEventNames.Alarm));
        }

        _changed.OnNext(Unit.Default);
    }

    private void Finish()
    {
        // The run is over: show its final state without waiting for the next display tick.
        _display.Dispose();
        PushDisplay();
    }

    private void PushDisplay()
    {
        if (_clients.Count == 0)
        {
            return;
        }

        _clients.Broadcast(new SseItem<string>(_state.StateJson(), DashboardEventNames.State));
        if (_state.SpectrumJson() is { } spectrum)
        {
            _clients.Broadcast(new SseItem<string>(spectrum, DashboardEventNames.Spectrum));
        }
    }
}

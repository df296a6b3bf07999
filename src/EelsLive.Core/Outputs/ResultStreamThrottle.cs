using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using EelsLive.Engine;
using EelsLive.Pipeline;

namespace EelsLive.Outputs;

/// <summary>
/// Chooses what the result stream sends: every <see cref="AlarmChanged"/> at once, and <see cref="FrameReported"/> reports at
/// most once per interval on the leading and trailing edge, so the first report after a quiet spell goes out at once and the
/// last report of a burst is always sent (at the end of its interval, or at once when the events complete).
/// </summary>
public static class ResultStreamThrottle
{
    /// <summary>The messages to send for <paramref name="events"/>, with result timing on <paramref name="scheduler"/>.</summary>
    public static IObservable<ResultStreamMessage> Apply(IObservable<PipelineEvent> events, TimeSpan interval, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Observable.Create<ResultStreamMessage>(observer =>
        {
            var gate = new object();
            var timer = new SerialDisposable();
            FrameReport? pending = null;
            bool waiting = false; // a result went out less than one interval ago
            bool stopped = false;

            void StartInterval()
            {
                waiting = true;
                timer.Disposable = scheduler.Schedule(interval, IntervalEnded);
            }

            void IntervalEnded()
            {
                lock (gate)
                {
                    if (stopped)
                    {
                        return;
                    }

                    if (pending is { } report)
                    {
                        pending = null;
                        observer.OnNext(ResultStreamMessage.Result(report));
                        StartInterval();
                    }
                    else
                    {
                        waiting = false;
                    }
                }
            }

            void Flush()
            {
                if (pending is { } report)
                {
                    pending = null;
                    observer.OnNext(ResultStreamMessage.Result(report));
                }
            }

            var subscription = events.Subscribe(
                e =>
                {
                    lock (gate)
                    {
                        if (stopped)
                        {
                            return;
                        }

                        switch (e)
                        {
                            case FrameReported reported when waiting:
                                pending = reported.Report;
                                break;
                            case FrameReported reported:
                                observer.OnNext(ResultStreamMessage.Result(reported.Report));
                                StartInterval();
                                break;
                            case AlarmChanged alarm:
                                observer.OnNext(ResultStreamMessage.AlarmOf(alarm));
                                break;
                        }
                    }
                },
                error =>
                {
                    lock (gate)
                    {
                        Flush();
                        stopped = true;
                        timer.Dispose();
                        observer.OnError(error);
                    }
                },
                () =>
                {
                    lock (gate)
                    {
                        Flush();
                        stopped = true;
                        timer.Dispose();
                        observer.OnCompleted();
                    }
                });
            return new CompositeDisposable(subscription, timer, Disposable.Create(() =>
            {
                lock (gate)
                {
                    stopped = true;
                }
            }));
        });
    }
}

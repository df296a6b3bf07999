using EelsLive.TestSupport;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol;

namespace EelsLive.Web.Tests.Support;

/// <summary>Runs damaging frames through the real <see cref="MonitorEngine"/> and returns its events.</summary>
internal static class EngineEvents
{
    public static MonitorEngine Engine(ModelKind? model = ModelKind.Physics) => new(new MonitorOptions { Model = model });

    public static IReadOnlyList<PipelineEvent> Frames(MonitorEngine engine, long firstSeq, int count, double dosePerFrame = 2.0, string series = "s1")
    {
        var events = new List<PipelineEvent>();
        for (long seq = firstSeq; seq < firstSeq + count; seq++)
        {
            events.AddRange(engine.Process(DamageFrames.Wire(DamageFrames.Frame(seq, dosePerFrame, series))));
        }

        return events;
    }

    /// <summary>The same report with the alarm raised on <paramref name="windows"/>: a real event of the public type.</summary>
    public static FrameReported WithAlarm(FrameReported frame, string level, params string[] windows) =>
        frame with { Report = frame.Report with { Alarm = level, AlarmWindows = windows, BudgetUsed = 0.93 } };

    /// <summary>
    /// The engine's notice that <paramref name="window"/> changed to a stretched exponential (β = 0.61) with
    /// <paramref name="frame"/>, and the frame's report carrying that law: real events of the public types.
    /// </summary>
    public static KineticsChanged LawChanged(FrameReported frame, string window, double? onsetEA2 = null)
    {
        var stretched = KineticsLaw.Stretched(0.61) with { OnsetEA2 = onsetEA2 };
        var report = frame.Report with
        {
            Windows = [.. frame.Report.Windows.Select(w => w.Name == window ? w with { Kinetics = stretched } : w)],
        };
        var previous = frame.Report.Windows.Single(w => w.Name == window).Kinetics ?? KineticsLaw.OrderP(1);
        return new KineticsChanged(report, window, previous, stretched);
    }

    /// <summary>The events of an encoded <c>eels.end</c> closing <paramref name="series"/>.</summary>
    public static IReadOnlyList<PipelineEvent> End(MonitorEngine engine, string series, long frames) =>
        engine.Process(DamageFrames.Wire(new EndMessage(series, frames, 1_700_000_100, EndReason.Completed)));
}

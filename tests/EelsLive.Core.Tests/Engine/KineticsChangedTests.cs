using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Simulation;

namespace EelsLive.Core.Tests.Engine;

/// <summary>The engine's notice that a window's fit changed kinetics law, on a real physics-model run over simulated stretched-exponential data.</summary>
public class KineticsChangedTests
{
    [Fact]
    public void Every_change_of_a_windows_law_between_frames_is_announced_once_right_after_the_frame_and_nothing_else_is()
    {
        var events = SimulatedRun.Events(SimulationPresets.Stretched, seed: 1, frames: 200, series: ["a"]);

        var expected = new List<(long Seq, string Window, string From, string To)>();
        var previous = new Dictionary<string, KineticsLaw>();
        var announced = new List<(long Seq, string Window, string From, string To)>();
        FrameReport? lastFrame = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case FrameReported f:
                    lastFrame = f.Report;
                    foreach (var w in f.Report.Windows.Where(w => w.Kinetics is not null))
                    {
                        if (previous.TryGetValue(w.Name, out var before) && before.Name != w.Kinetics!.Name)
                        {
                            expected.Add((f.Report.Seq, w.Name, before.Name, w.Kinetics.Name));
                        }

                        previous[w.Name] = w.Kinetics!;
                    }

                    break;
                case KineticsChanged change:
                    Assert.Same(lastFrame, change.Report);
                    Assert.Same(change.Report.Windows.Single(w => w.Name == change.Window).Kinetics, change.Current);
                    announced.Add((change.Report.Seq, change.Window, change.Previous.Name, change.Current.Name));
                    break;
            }
        }

        Assert.Contains(expected, c => c.To == "stretched");
        Assert.Equal(expected, announced);
    }

    [Fact]
    public void A_new_series_starts_without_a_law_so_its_first_fit_is_not_a_change()
    {
        var events = SimulatedRun.Events(SimulationPresets.Stretched, seed: 1, frames: 200, series: ["a", "b"]);

        var second = events.SkipWhile(e => e is not SeriesStarted { SeriesId: "b" }).ToList();
        var firstReportWithLaws = second.OfType<FrameReported>().First(f => f.Report.Windows.Any(w => w.Kinetics is not null));
        int index = second.IndexOf(firstReportWithLaws);
        var lastOfFirst = events.OfType<FrameReported>().Last(f => f.Report.SeriesId == "a").Report;
        Assert.Contains(lastOfFirst.Windows, w => w.Kinetics?.Name != firstReportWithLaws.Report.Windows.Single(x => x.Name == w.Name).Kinetics?.Name);
        Assert.DoesNotContain(second.Skip(index + 1).TakeWhile(e => e is not FrameReported), e => e is KineticsChanged);
    }
}

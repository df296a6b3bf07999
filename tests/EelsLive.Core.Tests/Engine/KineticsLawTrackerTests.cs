using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Core.Tests.Engine;

/// <summary>The rule by which a window's kinetics law counts as changed from frame to frame.</summary>
public class KineticsLawTrackerTests
{
    [Fact]
    public void Only_a_law_of_another_name_after_a_known_law_is_a_change_and_reset_forgets_the_laws()
    {
        var tracker = new KineticsLawTracker();

        Assert.Empty(tracker.Observe(Report(("c_c", null), ("c_o", KineticsLaw.OrderP(1.1)))));
        Assert.Empty(tracker.Observe(Report(("c_c", KineticsLaw.Stretched(0.6)), ("c_o", KineticsLaw.OrderP(1.9))))); // first law, new order
        Assert.Empty(tracker.Observe(Report(("c_c", null), ("c_o", null))));                                            // no estimate this frame
        var changes = tracker.Observe(Report(("c_c", KineticsLaw.OrderP(1.5)), ("c_o", KineticsLaw.Stretched(0.8))));
        Assert.Equal([("c_c", KineticsLaw.Stretched(0.6), KineticsLaw.OrderP(1.5)), ("c_o", KineticsLaw.OrderP(1.9), KineticsLaw.Stretched(0.8))], changes);

        tracker.Reset();
        Assert.Empty(tracker.Observe(Report(("c_c", KineticsLaw.Stretched(0.6)), ("c_o", KineticsLaw.OrderP(1.2)))));
    }

    private static FrameReport Report(params (string Name, KineticsLaw? Law)[] windows) => new(
        "s1", 1, 1_700_000_000, 100, false, 25, 0, 0,
        [.. windows.Select(w => new WindowReport(w.Name, 4, 7, 1e5, 0.5, 0.9, 0.8, 1.0, null, null, null, null) { Kinetics = w.Law })],
        "ok", [], null, 0.4);
}

using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The console's words for a window's kinetics law and for a change of law.</summary>
public class KineticsTextTests
{
    [Fact]
    public void A_law_reads_as_its_order_or_its_stretching_exponent()
    {
        Assert.Equal("order p = 1.62", KineticsText.Law(KineticsLaw.OrderP(1.6204)));
        Assert.Equal("stretched β = 0.61", KineticsText.Law(KineticsLaw.Stretched(0.6149)));
        Assert.Equal("stretched β = 0.98 after 312 e/Å²", KineticsText.Law(KineticsLaw.Stretched(0.98) with { OnsetEA2 = 312.4 }));
        Assert.Equal("–", KineticsText.Law(null));
        Assert.Equal("p 1.00", KineticsText.Short(KineticsLaw.OrderP(1)));
        Assert.Equal("β 0.70", KineticsText.Short(KineticsLaw.Stretched(0.7)));
        Assert.Equal("β 0.98 D₀ 312", KineticsText.Short(KineticsLaw.Stretched(0.98) with { OnsetEA2 = 312.4 }));
        Assert.Equal("–", KineticsText.Short(null));
    }

    [Fact]
    public void A_change_of_law_names_the_window_the_dose_both_laws_and_warns_that_the_estimates_may_jump()
    {
        var report = new FrameReport("s1", 72, 1_700_000_007, 1810.4, false, 25, 0, 0,
            [new WindowReport("c_c", 4, 7, 6.2e5, 0.81, 0.62, 0.55, 0.70, 1500, 1300, 1800, 1500) { Kinetics = KineticsLaw.Stretched(0.61) }],
            "ok", [], null, 0.4);
        var change = new KineticsChanged(report, "c_c", KineticsLaw.OrderP(1.45), KineticsLaw.Stretched(0.61));

        Assert.Equal(
            "KINETICS c_c at 1810 e/Å²: order p = 1.45 → stretched β = 0.61; its D50 and forecast now follow the new law and may jump",
            KineticsText.Describe(change));
    }
}

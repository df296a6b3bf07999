using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports.Tests;

/// <summary>Finding a series' changes of kinetics law again in its frame reports, as the engine announces them live.</summary>
public class LawChangeTests
{
    [Fact]
    public void A_change_of_law_is_where_a_windows_law_differs_by_name_from_the_one_before_it()
    {
        FrameReport[] reports =
        [
            Report(1, 5, null),
            Report(2, 10, KineticsLaw.OrderP(1.2)),
            Report(3, 15, KineticsLaw.OrderP(1.4)), // a new order is not a new law
            Report(4, 20, null),                    // a coalesced or missing estimate keeps the law it had
            Report(5, 25, KineticsLaw.Stretched(0.6)),
            Report(6, 30, KineticsLaw.OrderP(2.1)),
        ];

        var changes = LawChange.In(reports);

        Assert.Equal(
            [new LawChange("c_c", 5, 25, KineticsLaw.OrderP(1.4), KineticsLaw.Stretched(0.6)), new LawChange("c_c", 6, 30, KineticsLaw.Stretched(0.6), KineticsLaw.OrderP(2.1))],
            changes);
        Assert.Equal("order p = 1.40", changes[0].Previous.Describe());
        Assert.Equal("stretched β = 0.60", changes[0].Current.Describe());
    }

    private static FrameReport Report(long seq, double dose, KineticsLaw? law) => new(
        "s1", seq, 1_700_000_000 + seq, dose, false, 25, 0, 0,
        [new WindowReport("c_c", 4, 7, 1e5, 0.5, 0.9, 0.8, 1.0, null, null, null, null) { Kinetics = law }],
        "ok", [], null, 0.4);
}

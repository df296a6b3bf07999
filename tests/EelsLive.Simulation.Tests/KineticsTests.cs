using FsCheck;
using FsCheck.Xunit;

namespace EelsLive.Simulation.Tests;

public class KineticsTests
{
    /// <summary>One kinetics of each family from small positive integers, with D50 between 10 and ~10⁴ e/Å².</summary>
    private static IDamageKinetics Make(int family, PositiveInt d50Raw, PositiveInt shapeRaw)
    {
        double d50 = 10 + 97.3 * (d50Raw.Get % 100);
        double shape = 0.3 + 0.07 * (shapeRaw.Get % 40); // 0.3 … 3.03
        return (family % 4) switch
        {
            0 => ExponentialKinetics.FromD50(d50),
            1 => StretchedExponentialKinetics.FromD50(d50, shape),
            2 => OrderPKinetics.FromD50(d50, shape),
            _ => TwoStageKinetics.FromD50(d50 * 0.4, d50),
        };
    }

    [Property(MaxTest = 300)]
    public bool Integrity_is_one_at_zero_dose_and_never_increases(NonNegativeInt family, PositiveInt d50, PositiveInt shape, NonNegativeInt a, NonNegativeInt b)
    {
        var kinetics = Make(family.Get, d50, shape);
        double lo = 13.7 * Math.Min(a.Get, b.Get);
        double hi = 13.7 * Math.Max(a.Get, b.Get) + 0.5;
        double iLo = kinetics.Integrity(lo);
        double iHi = kinetics.Integrity(hi);
        return kinetics.Integrity(0) == 1 && iHi <= iLo && iHi >= 0 && iLo <= 1;
    }

    [Property(MaxTest = 300)]
    public bool Closed_form_crossing_dose_matches_bisection(NonNegativeInt family, PositiveInt d50, PositiveInt shape, PositiveInt thetaRaw)
    {
        var kinetics = Make(family.Get, d50, shape);
        double theta = 0.02 + 0.96 * (thetaRaw.Get % 97) / 96.0;
        double closed = kinetics.DoseAtIntegrity(theta);
        double bisected = IntegrityBisection.DoseAtIntegrity(kinetics, theta);
        return Math.Abs(closed - bisected) <= 1e-7 * Math.Max(1, closed)
            && Math.Abs(kinetics.Integrity(closed) - theta) < 1e-9;
    }

    [Property(MaxTest = 200)]
    public bool Order_p_D50_follows_the_paper_formula(PositiveInt kRaw, PositiveInt pRaw)
    {
        double k = 1e-4 * (1 + kRaw.Get % 200);
        double p = 0.2 + 0.05 * (pRaw.Get % 60); // 0.2 … 3.15, includes p = 1
        var kinetics = new OrderPKinetics(k, p);
        double expected = Math.Abs(p - 1) < 1e-12 ? Math.Log(2) / k : (Math.Pow(2, p - 1) - 1) / ((p - 1) * k);
        double viaBisection = IntegrityBisection.DoseAtIntegrity(kinetics, 0.5);
        return Math.Abs(((IDamageKinetics)kinetics).D50 - expected) <= 1e-9 * expected
            && Math.Abs(viaBisection - expected) <= 1e-7 * expected;
    }

    [Property(MaxTest = 200)]
    public bool Order_p_closed_form_solves_its_rate_equation(PositiveInt kRaw, PositiveInt pRaw, PositiveInt doseRaw)
    {
        // dI/dD = −k·I^p, checked by a central difference at a dose where I is well above 0.
        double k = 1e-4 * (1 + kRaw.Get % 50);
        double p = 1.05 + 0.05 * (pRaw.Get % 40);
        var kinetics = new OrderPKinetics(k, p);
        double dose = 1 + (doseRaw.Get % 100) * 10.0;
        double h = 1e-3;
        double derivative = (kinetics.Integrity(dose + h) - kinetics.Integrity(dose - h)) / (2 * h);
        double rhs = -k * Math.Pow(kinetics.Integrity(dose), p);
        return Math.Abs(derivative - rhs) <= 1e-6 * Math.Abs(rhs) + 1e-12;
    }

    [Fact]
    public void Two_stage_is_intact_through_its_incubation_dose()
    {
        var kinetics = TwoStageKinetics.FromD50(400, 1200);
        Assert.Equal(1.0, kinetics.Integrity(399.9));
        Assert.True(kinetics.Integrity(401) < 1);
        Assert.Equal(1200, ((IDamageKinetics)kinetics).D50, 9);
    }

    [Fact]
    public void No_damage_never_crosses_any_threshold()
    {
        var none = NoDamageKinetics.Instance;
        Assert.Equal(1.0, none.Integrity(1e9));
        Assert.True(double.IsPositiveInfinity(none.DoseAtIntegrity(0.1)));
        Assert.True(double.IsPositiveInfinity(IntegrityBisection.DoseAtIntegrity(none, 0.5)));
    }

    [Fact]
    public void Mil101Fe_preset_has_the_documented_sensitivities()
    {
        var preset = SimulationPresets.Get("mil101fe");
        var byName = preset.Windows.ToDictionary(w => w.Window.Name);
        double cc = byName["c_c"].Kinetics.D50;
        double co = byName["c_o"].Kinetics.D50;
        Assert.InRange(co, 500, 2000);
        Assert.InRange(cc, 500, 2000);
        Assert.True(co < cc, "C–O is more sensitive than C–C");
        Assert.True(byName["m_o"].Kinetics.D50 > 1e5);
        Assert.True(byName["pi_pi"].SignalRises);
        Assert.False(byName["c_o"].SignalRises);
        Assert.All(SimulationPresets.Get("control").Windows, w => Assert.Equal(1.0, w.Kinetics.Integrity(1e7)));
    }
}

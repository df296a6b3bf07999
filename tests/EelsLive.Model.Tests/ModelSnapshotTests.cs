namespace EelsLive.Model.Tests;

/// <summary>What a refit's snapshot says about its windows as a whole.</summary>
public class ModelSnapshotTests
{
    [Fact]
    public void The_changing_windows_are_those_whose_signal_change_reaches_the_significance_either_way()
    {
        static WindowEstimate Window(string name, double z) => new(name, 0.03, 0.7, 0.6, 0.8, null, 100, null, null, 0, false, false, z);
        var snapshot = new ModelSnapshot([Window("pi_pi", 4.2), Window("c_c", -3.0), Window("c_o", 2.99), Window("m_o", -0.4)], 500, 100, 0.5, 200, 0.3);

        Assert.Equal(new HashSet<string> { "pi_pi", "c_c" }, snapshot.ChangingWindows(3));
        Assert.Equal(new HashSet<string> { "pi_pi" }, snapshot.ChangingWindows(4));
    }
}

using EelsLive.Alarms;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;

namespace EelsLive.Core.Tests.Engine;

/// <summary>What an <see cref="AlarmChanged"/> says changed: the damage alarm, the dose budget, or both.</summary>
public class AlarmChangedTests
{
    [Fact]
    public void A_budget_alert_without_a_damage_model_is_a_budget_change_only_with_the_budget_it_refers_to()
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null, Alarms = new AlarmOptions { BudgetDoseEA2 = 20 } });

        var changes = Enumerable.Range(0, 16)
            .SelectMany(seq => engine.Process(TestFrames.Wire(TestFrames.Frame(seq, dose: 1.5))))
            .OfType<AlarmChanged>().ToList();

        // 80 % of 20 e/Å² is reached at frame 11 (16.5 e/Å²), 100 % at frame 14 (21 e/Å²).
        Assert.Equal([BudgetAlert.Approaching, BudgetAlert.Exhausted], changes.Select(c => c.Budget.Alert));
        Assert.Equal([16.5, 21.0], changes.Select(c => c.Report.DoseEA2));
        Assert.All(changes, c =>
        {
            Assert.True(c.BudgetChanged);
            Assert.False(c.DamageAlarmChanged);
            Assert.Equal(20, c.Budget.TotalEA2);
        });
    }

    [Fact]
    public void A_new_series_starts_without_a_budget_alert_and_raises_its_own()
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null, Alarms = new AlarmOptions { BudgetDoseEA2 = 5 } }); // 80 % at the third frame (4.5 e/Å²), used up at the fourth

        var changes = new[] { "first", "second" }
            .SelectMany(series => Enumerable.Range(0, 4).Select(seq => TestFrames.Frame(seq, series, dose: 1.5)))
            .SelectMany(frame => engine.Process(TestFrames.Wire(frame)))
            .OfType<AlarmChanged>().ToList();

        Assert.Equal(["first", "first", "second", "second"], changes.Select(c => c.Report.SeriesId));
        Assert.Equal([BudgetAlert.Approaching, BudgetAlert.Exhausted, BudgetAlert.Approaching, BudgetAlert.Exhausted], changes.Select(c => c.Budget.Alert));
    }
}

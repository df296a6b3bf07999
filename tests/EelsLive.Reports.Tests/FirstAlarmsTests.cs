using EelsLive.Alarms;
using EelsLive.Engine;
using EelsLive.Reports.Tests.Support;

namespace EelsLive.Reports.Tests;

public sealed class FirstAlarmsTests
{
    private static FrameReported Frame(FrameReported template, double dose, params (string Name, AlarmLevel Level)[] windows) =>
        template with
        {
            Report = template.Report with { DoseEA2 = dose },
            Alarm = new AlarmStatus(
                windows.Max(w => w.Level), [.. windows.Where(w => w.Level != AlarmLevel.Ok).Select(w => w.Name)],
                [.. windows.Select(w => new WindowForecast(w.Name, w.Level, 0.5, null, null))], null, BudgetAlert.None, null, Changed: false),
        };

    [Fact]
    public void Each_window_keeps_the_dose_of_its_first_warning_and_of_its_first_critical()
    {
        var template = TestSessions.OneFrame();
        var alarms = new FirstAlarms();
        alarms.Observe(Frame(template, 10, ("c_c", AlarmLevel.Ok), ("c_o", AlarmLevel.Ok)));
        alarms.Observe(Frame(template, 20, ("c_c", AlarmLevel.Ok), ("c_o", AlarmLevel.Warning)));
        alarms.Observe(Frame(template, 30, ("c_c", AlarmLevel.Warning), ("c_o", AlarmLevel.Ok)));
        alarms.Observe(Frame(template, 40, ("c_c", AlarmLevel.Critical), ("c_o", AlarmLevel.Critical)));
        alarms.Observe(Frame(template, 50, ("c_c", AlarmLevel.Critical), ("c_o", AlarmLevel.Warning)));
        alarms.Observe(template with { Alarm = null });

        Assert.Equal([new WindowAlarmTimes("c_c", 30, 40), new WindowAlarmTimes("c_o", 20, 40)], alarms.Times);
        Assert.Equal(new WindowAlarmTimes("c_o", 20, 40), alarms.Find("c_o"));
        Assert.Null(alarms.Find("pi_pi"));
    }

    [Fact]
    public void A_window_that_never_warns_has_no_times()
    {
        var alarms = new FirstAlarms();
        alarms.Observe(Frame(TestSessions.OneFrame(), 10, ("m_o", AlarmLevel.Ok)));
        Assert.Equal([new WindowAlarmTimes("m_o", null, null)], alarms.Times);
    }
}

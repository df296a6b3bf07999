using EelsLive.TestSupport;
using System.Text.Json;
using EelsLive.Alarms;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Web.Tests.Support;

namespace EelsLive.Web.Tests;

public sealed class DashboardStateTests
{
    [Fact]
    public void State_carries_the_latest_report_with_the_contract_names_and_the_history()
    {
        var state = new DashboardState(new DashboardOptions { Threshold = 0.4 });
        var engine = EngineEvents.Engine(model: null);
        foreach (var e in EngineEvents.Frames(engine, 0, 30))
        {
            state.Observe(e);
        }

        using var json = JsonDocument.Parse(state.StateJson());
        var root = json.RootElement;
        Assert.Equal("s1", root.GetProperty("series_id").GetString());
        Assert.Equal(30, root.GetProperty("frames").GetInt64());
        Assert.Equal(0.4, root.GetProperty("threshold").GetDouble());
        Assert.Equal(29, root.GetProperty("latest").GetProperty("seq").GetInt64());
        Assert.Equal(60, root.GetProperty("latest").GetProperty("dose_e_a2").GetDouble(), 6);
        Assert.Equal(30, root.GetProperty("history").GetProperty("dose").GetArrayLength());
        var windows = root.GetProperty("history").GetProperty("windows");
        Assert.Equal(["pi_pi", "c_c", "c_o", "m_o"], windows.EnumerateObject().Select(p => p.Name));
        Assert.Equal(30, windows.GetProperty("c_o").GetProperty("signal").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, windows.GetProperty("c_o").GetProperty("signal")[0].ValueKind);
    }

    [Fact]
    public void Measured_signals_are_drawn_as_integrity_with_the_latest_fit_s_undamaged_and_damaged_levels()
    {
        var state = new DashboardState(new DashboardOptions());
        var engine = EngineEvents.Engine();
        var events = EngineEvents.Frames(engine, 0, 60);
        foreach (var e in events)
        {
            state.Observe(e);
        }

        var last = events.OfType<FrameReported>().Last();
        var observation = last.Snapshot!.Find("c_o")!.Observation;
        Assert.NotEqual(0, observation.Amplitude);
        using var json = JsonDocument.Parse(state.StateJson());
        var co = json.RootElement.GetProperty("history").GetProperty("windows").GetProperty("c_o");
        var signals = co.GetProperty("signal").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var drawn = co.GetProperty("data_integrity").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(60, drawn.Length);
        for (int i = 0; i < drawn.Length; i++)
        {
            double expected = (signals[i] - observation.Asymptote) / observation.Amplitude;
            Assert.True(Math.Abs(expected - drawn[i]) < 1e-4, $"frame {i}: drawn {drawn[i]}, expected {expected} (plot values are sent to 6 digits)");
        }

        // The latest frame's fitted signal sits on the model's integrity there.
        var latest = last.Snapshot.Find("c_o")!;
        Assert.Equal(latest.Integrity, (latest.Signal - observation.Asymptote) / observation.Amplitude, 9);
        Assert.True(drawn.Take(5).Average() > 0.8, "the first frames read as nearly intact");
    }

    [Fact]
    public void Without_a_model_no_data_are_drawn_as_integrity()
    {
        var state = new DashboardState(new DashboardOptions());
        foreach (var e in EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 10))
        {
            state.Observe(e);
        }

        using var json = JsonDocument.Parse(state.StateJson());
        var co = json.RootElement.GetProperty("history").GetProperty("windows").GetProperty("c_o");
        Assert.Equal(10, co.GetProperty("signal").GetArrayLength());
        Assert.Equal(0, co.GetProperty("data_integrity").GetArrayLength());
    }

    [Fact]
    public void Alarm_changes_are_reported_once_per_change_of_level_or_windows()
    {
        var state = new DashboardState(new DashboardOptions());
        var frames = EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 5).OfType<FrameReported>().ToArray();

        Assert.False(state.Observe(frames[0]));
        Assert.True(state.Observe(EngineEvents.WithAlarm(frames[1], "warning", "c_o")));
        Assert.False(state.Observe(EngineEvents.WithAlarm(frames[2], "warning", "c_o")));
        Assert.True(state.Observe(EngineEvents.WithAlarm(frames[3], "warning", "c_o", "c_c")));
        Assert.True(state.Observe(EngineEvents.WithAlarm(frames[4], "critical", "c_o", "c_c")));

        using var json = JsonDocument.Parse(state.AlarmJson());
        Assert.Equal("critical", json.RootElement.GetProperty("alarm").GetString());
        Assert.Equal(["c_o", "c_c"], json.RootElement.GetProperty("alarm_windows").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, json.RootElement.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void A_budget_alert_from_the_engine_is_an_alarm_change_even_at_the_same_level()
    {
        var state = new DashboardState(new DashboardOptions());
        var frame = EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 1).OfType<FrameReported>().Single();
        var report = frame.Report with { BudgetUsed = 0.85 };
        state.Observe(frame with { Report = report });

        Assert.True(state.Observe(new AlarmChanged(report, null, new BudgetStatus(0.85, BudgetAlert.Approaching, 12))));
        Assert.False(state.Observe(new AlarmChanged(report, null, new BudgetStatus(0.86, BudgetAlert.Approaching, 11))));

        using var json = JsonDocument.Parse(state.AlarmJson());
        Assert.Equal("ok", json.RootElement.GetProperty("alarm").GetString());
        Assert.Equal("approaching", json.RootElement.GetProperty("budget_alert").GetString());
        Assert.Equal(0.85, json.RootElement.GetProperty("budget_used").GetDouble());
    }

    [Fact]
    public void Spectrum_is_on_the_aligned_axis_with_the_windows()
    {
        var state = new DashboardState(new DashboardOptions());
        Assert.Null(state.SpectrumJson());
        var frame = EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 1).OfType<FrameReported>().Single();
        state.Observe(frame);

        using var json = JsonDocument.Parse(state.SpectrumJson()!);
        var energy = json.RootElement.GetProperty("energy_ev");
        Assert.Equal(DamageFrames.Channels, energy.GetArrayLength());
        Assert.Equal(DamageFrames.Channels, json.RootElement.GetProperty("counts").GetArrayLength());
        double expectedStart = DamageFrames.Offset - (frame.Measurement.ZeroLossEv ?? 0);
        Assert.Equal(expectedStart, energy[0].GetDouble(), 6);
        Assert.Equal(4, json.RootElement.GetProperty("windows").GetArrayLength());
        Assert.Equal(10, json.RootElement.GetProperty("windows")[2].GetProperty("lo_ev").GetDouble());
    }

    [Fact]
    public void State_carries_the_given_kinetic_orders_and_the_dose_of_each_windows_last_change_of_law_in_the_series()
    {
        var state = new DashboardState(new DashboardOptions { KnownOrders = [new KnownOrder("c_c", 1.6, 0.2), new KnownOrder("c_o", 1.8)] });
        var engine = EngineEvents.Engine();
        var frames = EngineEvents.Frames(engine, 0, 20).OfType<FrameReported>().ToArray();
        foreach (var frame in frames)
        {
            state.Observe(frame);
        }

        Assert.Empty(Kinetics(state).Changed);
        Assert.False(state.Observe(EngineEvents.LawChanged(frames[10], "c_o")));
        Assert.False(state.Observe(EngineEvents.LawChanged(frames[15], "c_c")));
        Assert.False(state.Observe(EngineEvents.LawChanged(frames[19], "c_o")));

        var (given, changed) = Kinetics(state);
        Assert.Equal([("c_c", 1.6, 0.2), ("c_o", 1.8, 0.0)], given);
        Assert.Equal([("c_o", frames[19].Report.DoseEA2), ("c_c", frames[15].Report.DoseEA2)], changed.OrderByDescending(c => c.Dose));

        state.Observe(new Pipeline.SeriesStarted("s2", null));
        Assert.Empty(Kinetics(state).Changed);
        Assert.Equal(2, Kinetics(state).Given.Count);
    }

    [Fact]
    public void State_lists_what_kept_windows_from_being_measured_until_a_new_series_starts()
    {
        var state = new DashboardState(new DashboardOptions());
        var frame = EngineEvents.Frames(EngineEvents.Engine(), 0, 3).OfType<FrameReported>().Last();
        var spectrum = new Pipeline.EnergyRange(249.95, 352.35);
        Assert.False(state.Observe(new MeasurementProblemFound(frame.Report, MeasurementProblemKind.NoReference,
            [(new Pipeline.EnergyWindow("c_c", 4, 7), 0.0)], spectrum, Pipeline.Normalisation.ZeroLoss)));
        state.Observe(new MeasurementProblemFound(frame.Report, MeasurementProblemKind.OutsideSpectrum,
            [(new Pipeline.EnergyWindow("c_c", 4, 7), 0.0), (new Pipeline.EnergyWindow("c_o", 10, 15), 0.0)], spectrum, Pipeline.Normalisation.ZeroLoss));

        Assert.Equal(
            [("no_reference", "c_c", frame.Report.Seq, 249.95, "zlp"), ("outside_spectrum", "c_c,c_o", frame.Report.Seq, 249.95, "zlp")],
            Problems(state));

        state.Observe(new Pipeline.SeriesStarted("s2", null));
        Assert.Empty(Problems(state));
    }

    private static List<(string Kind, string Windows, long Seq, double Lo, string Normalisation)> Problems(DashboardState state)
    {
        using var json = JsonDocument.Parse(state.StateJson());
        return [.. json.RootElement.GetProperty("measurement_problems").EnumerateArray().Select(p => (
            p.GetProperty("kind").GetString()!,
            string.Join(",", p.GetProperty("windows").EnumerateArray().Select(w => w.GetString())),
            p.GetProperty("seq").GetInt64(),
            p.GetProperty("spectrum_lo_ev").GetDouble(),
            p.GetProperty("normalisation").GetString()!))];
    }

    private static (List<(string Window, double Order, double Uncertainty)> Given, List<(string Window, double Dose)> Changed) Kinetics(DashboardState state)
    {
        using var json = JsonDocument.Parse(state.StateJson());
        var given = json.RootElement.GetProperty("kinetic_orders_given").EnumerateObject()
            .Select(p => (p.Name, p.Value.GetProperty("order").GetDouble(), p.Value.GetProperty("uncertainty").GetDouble())).ToList();
        var changed = json.RootElement.GetProperty("kinetics_changed_e_a2").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ToList();
        return (given, changed);
    }
}

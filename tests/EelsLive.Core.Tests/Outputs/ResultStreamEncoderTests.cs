using System.Text.Json;
using EelsLive.Alarms;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Outputs;
using MessagePack;

namespace EelsLive.Core.Tests.Outputs;

/// <summary>The result stream's MessagePack maps carry exactly the JSON Lines fields, values and nulls, plus <c>v</c> and the alarm detail.</summary>
public class ResultStreamEncoderTests
{
    private static readonly string[] AlarmExtraKeys = ["budget_alert", "budget_seconds_left", "forecast"];

    /// <summary>A report with every kind of value: nulls, non-finite numbers (written as null), alarm windows, a budget.</summary>
    internal static FrameReport EdgeCaseReport(long seq = 41, string alarm = "critical", double dose = 1234.5) => new(
        "series-Å/1", seq, 1_700_000_123.456789, dose, true, 12.25, 3, 7,
        [
            new WindowReport("pi_pi", 1, 3, 1.5e7, 0.98, null, null, null, null, null, null, null),
            new WindowReport("c_c", 4, 7, 2.5e6, double.NaN, 0.61, 0.55, 0.66, 2100.5, 1800, 2500, 1900.25) { Kinetics = KineticsLaw.OrderP(1.75), SignalChangeZ = -8.25, CrossDoseLoEA2 = 1650.5, CrossDoseHiEA2 = 2250 },
            new WindowReport("c_o", 10, 15, -3.25, 0.4, 0.45, 0.4, 0.5, double.PositiveInfinity, 900, null, 1100) { Kinetics = KineticsLaw.Stretched(0.625) with { OnsetEA2 = 312.5 }, CrossDoseLoEA2 = 800 },
        ],
        alarm, alarm == "ok" ? [] : ["c_c", "c_o"], 0.8125, 17.75);

    /// <summary>A critical alarm over <paramref name="report"/> with forecasts per window and an 80% budget alert.</summary>
    internal static AlarmChanged CriticalAlarm(FrameReport report) => new(
        report with { Alarm = "critical", AlarmWindows = ["c_o"] },
        new AlarmStatus(
            AlarmLevel.Critical,
            ["c_o"],
            [
                new WindowForecast("c_c", AlarmLevel.Ok, 0.125, 5000, 400),
                new WindowForecast("c_o", AlarmLevel.Critical, 1, report.DoseEA2 - 10, 0),
                new WindowForecast("m_o", AlarmLevel.Warning, 0.85, null, double.NaN),
            ],
            0.85, BudgetAlert.Approaching, 42.5, true),
        new BudgetStatus(0.85, BudgetAlert.Approaching, 42.5));

    internal static Dictionary<object, object?> Decode(byte[] payload) =>
        MessagePackSerializer.Deserialize<Dictionary<object, object?>>(payload, MessagePackSerializerOptions.Standard);

    /// <summary>Asserts that <paramref name="map"/> without <c>v</c> and <paramref name="extraKeys"/> equals the JSON Lines object of <paramref name="report"/>.</summary>
    internal static void AssertSameAsJsonLines(FrameReport report, Dictionary<object, object?> map, params string[] extraKeys)
    {
        Assert.Equal(1L, Convert.ToInt64(map["v"]));
        var common = map.Where(kv => (string)kv.Key != "v" && !extraKeys.Contains((string)kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        using var json = JsonDocument.Parse(FrameReportJson.ToJson(report));
        AssertEquivalent(json.RootElement, common, "$");
        Assert.Equal(json.RootElement.EnumerateObject().Select(p => p.Name), common.Keys.Cast<string>()); // same order, too
    }

    private static void AssertEquivalent(JsonElement json, object? value, string path)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var map = Assert.IsType<Dictionary<object, object?>>(value, exactMatch: false);
                var names = json.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                Assert.True(names.SetEquals(map.Keys.Cast<string>()), $"{path}: keys {string.Join(",", map.Keys)} differ from JSON's {string.Join(",", names)}");
                foreach (var property in json.EnumerateObject())
                {
                    AssertEquivalent(property.Value, map[property.Name], $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                var items = Assert.IsType<object?[]>(value);
                Assert.Equal(json.GetArrayLength(), items.Length);
                int i = 0;
                foreach (var element in json.EnumerateArray())
                {
                    AssertEquivalent(element, items[i], $"{path}[{i}]");
                    i++;
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(json.GetString(), Assert.IsType<string>(value));
                break;
            case JsonValueKind.Number when json.TryGetInt64(out long whole) && value is not double and not float:
                Assert.True(value is byte or sbyte or short or ushort or int or uint or long or ulong, $"{path}: {value?.GetType().Name} is not an integer");
                Assert.Equal(whole, Convert.ToInt64(value));
                break;
            case JsonValueKind.Number:
                Assert.Equal(json.GetDouble(), Assert.IsType<double>(value));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.Equal(json.GetBoolean(), Assert.IsType<bool>(value));
                break;
            case JsonValueKind.Null:
                Assert.True(value is null, $"{path}: expected nil, got {value}");
                break;
            default:
                Assert.Fail($"{path}: unexpected JSON kind {json.ValueKind}");
                break;
        }
    }

    [Fact]
    public void A_result_decodes_to_the_json_lines_fields_and_values_with_nulls_as_nil()
    {
        var report = EdgeCaseReport();
        var map = Decode(ResultStreamEncoder.EncodeResult(report));

        AssertSameAsJsonLines(report, map);
        Assert.Equal(14, map.Count);
        var windows = Assert.IsType<Dictionary<object, object?>>(map["windows"]);
        var cc = Assert.IsType<Dictionary<object, object?>>(windows["c_c"]);
        Assert.Null(cc["signal"]); // NaN → nil, as JSON's null
        Assert.Equal(1900.25, cc["cross_dose_e_a2"]);
        Assert.Null(((Dictionary<object, object?>)windows["c_o"]!)["d50_e_a2"]); // +∞ → nil
        Assert.Equal("order_p", cc["kinetics"]);
        Assert.Equal(1.75, cc["kinetic_order"]);
        Assert.Null(cc["beta"]);
        Assert.Equal(-8.25, cc["signal_change_z"]);
        Assert.Null(((Dictionary<object, object?>)windows["pi_pi"]!)["signal_change_z"]);
        Assert.Equal((1650.5, 2250.0), ((double)cc["cross_dose_lo_e_a2"]!, (double)cc["cross_dose_hi_e_a2"]!));
        Assert.Equal(800.0, ((Dictionary<object, object?>)windows["c_o"]!)["cross_dose_lo_e_a2"]);
        Assert.Null(((Dictionary<object, object?>)windows["c_o"]!)["cross_dose_hi_e_a2"]); // unbounded
        var co = (Dictionary<object, object?>)windows["c_o"]!;
        Assert.Equal(("stretched", null, 0.625), ((string?)co["kinetics"], co["kinetic_order"], (double?)co["beta"]));
        Assert.Equal(312.5, co["onset_e_a2"]);
        Assert.Null(cc["onset_e_a2"]); // order-p kinetics has no onset
        Assert.Null(((Dictionary<object, object?>)windows["pi_pi"]!)["kinetics"]); // no model estimate yet
        Assert.IsType<double>(map["t"]); // float64, never float32: a Unix time needs it
    }

    [Fact]
    public void Reports_of_a_real_engine_run_decode_to_their_json_lines()
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null, Alarms = new AlarmOptions { BudgetDoseEA2 = 20 } });
        var reports = Enumerable.Range(0, 12)
            .SelectMany(i => engine.Process(TestFrames.Wire(TestFrames.Frame(i == 5 ? 6 : i, dose: 1.5))))
            .OfType<FrameReported>().Select(f => f.Report).ToList();

        Assert.NotEmpty(reports);
        foreach (var report in reports)
        {
            AssertSameAsJsonLines(report, Decode(ResultStreamEncoder.EncodeResult(report)));
        }
    }

    [Fact]
    public void An_alarm_carries_the_result_fields_unchanged_plus_budget_and_forecast_detail()
    {
        var alarm = CriticalAlarm(EdgeCaseReport(alarm: "ok"));
        var map = Decode(ResultStreamEncoder.EncodeAlarm(alarm));

        AssertSameAsJsonLines(alarm.Report, map, AlarmExtraKeys);
        Assert.Equal(14 + AlarmExtraKeys.Length, map.Count);
        Assert.Equal("critical", map["alarm"]);
        Assert.Equal(new object[] { "c_o" }, map["alarm_windows"]);
        Assert.Equal("80%", map["budget_alert"]);
        Assert.Equal(42.5, map["budget_seconds_left"]);
        var forecast = Assert.IsType<Dictionary<object, object?>>(map["forecast"]);
        Assert.Equal(["c_c", "c_o", "m_o"], forecast.Keys.Cast<string>());
        var co = Assert.IsType<Dictionary<object, object?>>(forecast["c_o"]);
        Assert.Equal("critical", co["level"]);
        Assert.Equal(1.0, Convert.ToDouble(co["cross_probability"]));
        Assert.Equal(1224.5, co["cross_dose_e_a2"]);
        Assert.Equal(0.0, Convert.ToDouble(co["seconds_to_cross"]));
        var mo = Assert.IsType<Dictionary<object, object?>>(forecast["m_o"]);
        Assert.Equal("warning", mo["level"]);
        Assert.Null(mo["cross_dose_e_a2"]);
        Assert.Null(mo["seconds_to_cross"]); // NaN → nil
    }

    [Fact]
    public void A_budget_only_alarm_without_a_model_has_an_empty_forecast_and_a_null_time_left()
    {
        var report = EdgeCaseReport(alarm: "ok");
        var map = Decode(ResultStreamEncoder.Encode(ResultStreamMessage.AlarmOf(new AlarmChanged(report, null, new BudgetStatus(1.02, BudgetAlert.Exhausted, null)))));

        AssertSameAsJsonLines(report, map, AlarmExtraKeys);
        Assert.Equal("100%", map["budget_alert"]);
        Assert.Null(map["budget_seconds_left"]);
        Assert.Empty(Assert.IsType<Dictionary<object, object?>>(map["forecast"]));
    }

    [Fact]
    public void Encode_picks_the_payload_by_topic()
    {
        var report = EdgeCaseReport();
        var result = ResultStreamMessage.Result(report);
        var alarm = ResultStreamMessage.AlarmOf(CriticalAlarm(report));

        Assert.Equal(ResultStreamTopics.Result, result.Topic);
        Assert.Equal(ResultStreamTopics.Alarm, alarm.Topic);
        Assert.Equal(ResultStreamEncoder.EncodeResult(report), ResultStreamEncoder.Encode(result));
        Assert.Equal(ResultStreamEncoder.EncodeAlarm(alarm.Alarm!), ResultStreamEncoder.Encode(alarm));
    }
}

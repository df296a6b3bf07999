using System.Text.Json;
using EelsLive.Engine;

namespace EelsLive.Outputs;

/// <summary>Writes a <see cref="FrameReport"/> as one JSON object with the contract's field names.</summary>
public static class FrameReportJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/> as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, FrameReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("series_id", report.SeriesId);
        writer.WriteNumber("seq", report.Seq);
        writer.WriteNumber("t", report.T);
        Number(writer, "dose_e_a2", report.DoseEA2);
        writer.WriteBoolean("dose_estimated", report.DoseEstimated);
        Number(writer, "dose_rate_e_a2_s", report.DoseRateEA2PerS);
        writer.WriteNumber("lost_frames", report.LostFrames);
        writer.WriteNumber("rejected_messages", report.RejectedMessages);
        writer.WriteStartObject("windows");
        foreach (var w in report.Windows)
        {
            writer.WriteStartObject(w.Name);
            Number(writer, "lo_ev", w.LoEv);
            Number(writer, "hi_ev", w.HiEv);
            Number(writer, "integral", w.Integral);
            Number(writer, "signal", w.Signal);
            Number(writer, "integrity", w.Integrity);
            Number(writer, "integrity_lo", w.IntegrityLo);
            Number(writer, "integrity_hi", w.IntegrityHi);
            Number(writer, "d50_e_a2", w.D50EA2);
            Number(writer, "d50_lo_e_a2", w.D50LoEA2);
            Number(writer, "d50_hi_e_a2", w.D50HiEA2);
            Number(writer, "cross_dose_e_a2", w.CrossDoseEA2);
            if (w.Kinetics is { } law)
            {
                writer.WriteString("kinetics", law.Name);
            }
            else
            {
                writer.WriteNull("kinetics");
            }

            Number(writer, "kinetic_order", w.Kinetics?.Order);
            Number(writer, "beta", w.Kinetics?.Beta);
            Number(writer, "signal_change_z", w.SignalChangeZ);
            Number(writer, "cross_dose_lo_e_a2", w.CrossDoseLoEA2);
            Number(writer, "cross_dose_hi_e_a2", w.CrossDoseHiEA2);
            Number(writer, "onset_e_a2", w.Kinetics?.OnsetEA2);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteString("alarm", report.Alarm);
        writer.WriteStartArray("alarm_windows");
        foreach (string name in report.AlarmWindows)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        Number(writer, "budget_used", report.BudgetUsed);
        Number(writer, "fit_ms", report.FitMs);
        writer.WriteEndObject();
    }

    /// <summary>Serialises <paramref name="report"/> to a compact JSON string.</summary>
    public static string ToJson(FrameReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        // JSON has no NaN or infinity: a value that is not finite is written as null.
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

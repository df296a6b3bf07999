using System.Buffers;
using EelsLive.Alarms;
using EelsLive.Engine;
using MessagePack;

namespace EelsLive.Outputs;

/// <summary>
/// Encodes result-stream payloads as MessagePack maps with exactly the JSON Lines field names and structure of
/// <see cref="FrameReportJson"/> (nil where JSON has null, including non-finite numbers), plus <c>v</c> = 1, and for an
/// alarm the extra keys <c>budget_alert</c>, <c>budget_seconds_left</c> and <c>forecast</c>.
/// </summary>
public static class ResultStreamEncoder
{
    private const int ReportKeys = 13;
    private const int WindowKeys = 18;
    private const int AlarmExtraKeys = 3;
    private const int ForecastKeys = 4;

    /// <summary>Encodes <paramref name="message"/> as the payload of its topic.</summary>
    public static byte[] Encode(ResultStreamMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Alarm is { } alarm ? EncodeAlarm(alarm) : EncodeResult(message.Report);
    }

    /// <summary>The <c>eelslive.result</c> payload of <paramref name="report"/>.</summary>
    public static byte[] EncodeResult(FrameReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>(1024);
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(1 + ReportKeys);
        WriteVersion(ref writer);
        WriteReport(ref writer, report);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>eelslive.alarm</c> payload of <paramref name="alarm"/>: the result's keys plus the alarm detail.</summary>
    public static byte[] EncodeAlarm(AlarmChanged alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var buffer = new ArrayBufferWriter<byte>(1536);
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(1 + ReportKeys + AlarmExtraKeys);
        WriteVersion(ref writer);
        WriteReport(ref writer, alarm.Report);
        writer.Write("budget_alert");
        writer.Write(alarm.Budget.Alert.ToWireName());
        writer.Write("budget_seconds_left");
        Number(ref writer, alarm.Budget.SecondsLeft);
        writer.Write("forecast");
        var forecasts = alarm.Alarm?.Windows ?? [];
        writer.WriteMapHeader(forecasts.Count);
        foreach (var f in forecasts)
        {
            writer.Write(f.Name);
            writer.WriteMapHeader(ForecastKeys);
            writer.Write("level");
            writer.Write(f.Level.ToWireName());
            writer.Write("cross_probability");
            Number(ref writer, f.CrossProbability);
            writer.Write("cross_dose_e_a2");
            Number(ref writer, f.CrossDoseEA2);
            writer.Write("seconds_to_cross");
            Number(ref writer, f.SecondsToCross);
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteVersion(ref MessagePackWriter w)
    {
        w.Write("v");
        w.Write(ResultStreamTopics.Version);
    }

    // Same keys, order and null rules as FrameReportJson.Write.
    private static void WriteReport(ref MessagePackWriter w, FrameReport r)
    {
        w.Write("series_id"); w.Write(r.SeriesId);
        w.Write("seq"); w.Write(r.Seq);
        w.Write("t"); w.Write(r.T);
        w.Write("dose_e_a2"); Number(ref w, r.DoseEA2);
        w.Write("dose_estimated"); w.Write(r.DoseEstimated);
        w.Write("dose_rate_e_a2_s"); Number(ref w, r.DoseRateEA2PerS);
        w.Write("lost_frames"); w.Write(r.LostFrames);
        w.Write("rejected_messages"); w.Write(r.RejectedMessages);
        w.Write("windows");
        w.WriteMapHeader(r.Windows.Count);
        foreach (var x in r.Windows)
        {
            w.Write(x.Name);
            w.WriteMapHeader(WindowKeys);
            w.Write("lo_ev"); Number(ref w, x.LoEv);
            w.Write("hi_ev"); Number(ref w, x.HiEv);
            w.Write("integral"); Number(ref w, x.Integral);
            w.Write("signal"); Number(ref w, x.Signal);
            w.Write("integrity"); Number(ref w, x.Integrity);
            w.Write("integrity_lo"); Number(ref w, x.IntegrityLo);
            w.Write("integrity_hi"); Number(ref w, x.IntegrityHi);
            w.Write("d50_e_a2"); Number(ref w, x.D50EA2);
            w.Write("d50_lo_e_a2"); Number(ref w, x.D50LoEA2);
            w.Write("d50_hi_e_a2"); Number(ref w, x.D50HiEA2);
            w.Write("cross_dose_e_a2"); Number(ref w, x.CrossDoseEA2);
            w.Write("kinetics");
            if (x.Kinetics is { } law) w.Write(law.Name); else w.WriteNil();
            w.Write("kinetic_order"); Number(ref w, x.Kinetics?.Order);
            w.Write("beta"); Number(ref w, x.Kinetics?.Beta);
            w.Write("signal_change_z"); Number(ref w, x.SignalChangeZ);
            w.Write("cross_dose_lo_e_a2"); Number(ref w, x.CrossDoseLoEA2);
            w.Write("cross_dose_hi_e_a2"); Number(ref w, x.CrossDoseHiEA2);
            w.Write("onset_e_a2"); Number(ref w, x.Kinetics?.OnsetEA2);
        }

        w.Write("alarm"); w.Write(r.Alarm);
        w.Write("alarm_windows");
        w.WriteArrayHeader(r.AlarmWindows.Count);
        foreach (string name in r.AlarmWindows)
        {
            w.Write(name);
        }

        w.Write("budget_used"); Number(ref w, r.BudgetUsed);
        w.Write("fit_ms"); Number(ref w, r.FitMs);
    }

    private static void Number(ref MessagePackWriter w, double? value)
    {
        // As in the JSON Lines: a value that is not finite is written as nil.
        if (value is { } v && double.IsFinite(v))
        {
            w.Write(v);
        }
        else
        {
            w.WriteNil();
        }
    }
}

namespace EelsLive.Engine;

/// <summary>
/// The result for one accepted frame: exactly the fields of the monitor's JSON Lines output
/// (<c>series_id, seq, t, dose_e_a2, dose_estimated, dose_rate_e_a2_s, lost_frames, rejected_messages,
/// windows, alarm, alarm_windows, budget_used, fit_ms</c>).
/// </summary>
public sealed record FrameReport(
    string SeriesId,
    long Seq,
    double T,
    double DoseEA2,
    bool DoseEstimated,
    double DoseRateEA2PerS,
    long LostFrames,
    long RejectedMessages,
    IReadOnlyList<WindowReport> Windows,
    string Alarm,
    IReadOnlyList<string> AlarmWindows,
    double? BudgetUsed,
    double? FitMs);

using System.Globalization;
using System.Text;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Reports;

namespace EelsLive.Cli.Monitoring;

/// <summary>
/// Follows one series' frames and writes its final estimates as a table: per window the integrity and D50 with their 90%
/// intervals (at a threshold θ other than 0.5 also the dose of θ's crossing with its interval), the doses at which the window first warned and was first declared crossed, and the kinetics law it ended on
/// (the order read here is what <c>--kinetic-order</c> takes in later sessions of the same material; a given order is shown
/// beside it, so that data which pulled a held order away from it are seen), followed by every change of a window's law
/// during the series (where its estimates jumped).
/// </summary>
internal sealed class SeriesSummary(IReadOnlyList<KnownOrder>? givenOrders = null, double changeSignificanceZ = 3, double threshold = 0.5)
{
    private readonly bool _crossingColumn = HasCrossingColumn(threshold);

    private IReadOnlySet<string> _changing = new HashSet<string>();

    private readonly FirstAlarms _alarms = new();
    private readonly IReadOnlyList<KnownOrder> _givenOrders = givenOrders ?? [];
    private readonly List<KineticsChanged> _lawChanges = [];

    /// <summary>The series' last frame report, or null before the first frame.</summary>
    public FrameReport? Last { get; private set; }

    /// <summary>Frames observed.</summary>
    public long Frames { get; private set; }

    /// <summary>Takes one frame of the series.</summary>
    public void Observe(FrameReported frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Last = frame.Report;
        Frames++;
        if (frame.Snapshot is { } snapshot)
        {
            _changing = snapshot.ChangingWindows(changeSignificanceZ);
        }

        _alarms.Observe(frame);
    }

    /// <summary>Takes one change of a window's kinetics law in the series.</summary>
    public void Observe(KineticsChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _lawChanges.Add(change);
    }

    /// <summary>The table, headed by the series' frames, final dose and alarm (only the heading without a damage model).</summary>
    public string Render()
    {
        if (Last is not { } last)
        {
            return "no frame was analysed.";
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"series {last.SeriesId}: {Frames} frames, final dose {last.DoseEA2:F0} e/Å², alarm {last.Alarm}{(last.AlarmWindows.Count > 0 ? $" ({string.Join(", ", last.AlarmWindows)})" : string.Empty)}");
        if (last.Windows.All(w => w.Integrity is null))
        {
            return text.Append("(no damage model: integrity and D50 are not estimated)").ToString();
        }

        string crossingHeader = _crossingColumn ? $"{CrossingHeader(threshold),-30} " : string.Empty;
        text.AppendLine($"window   integrity [90%]          D50 estimate [90%] e/Å²        {crossingHeader}first warning   declared crossed   kinetics");
        foreach (var w in last.Windows)
        {
            var times = _alarms.Find(w.Name);
            string warned = times?.FirstWarningEA2 is { } warning ? string.Create(CultureInfo.InvariantCulture, $"{warning:F0} e/Å²") : "–";
            string crossed = times?.FirstCriticalEA2 is { } critical ? string.Create(CultureInfo.InvariantCulture, $"{critical:F0} e/Å²") : "–";
            string given = _givenOrders.FirstOrDefault(o => o.Window == w.Name) is { } known ? $" (given {known.OrderText})" : string.Empty;
            string crossing = _crossingColumn ? $"{Crossing(w),-30} " : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.Name,-8} {Integrity(w),-24} {D50(w, _changing.Contains(w.Name)),-30} {crossing}{warned,-15} {crossed,-18} {KineticsText.Law(w.Kinetics)}{given}");
        }

        if (_lawChanges.Count > 0)
        {
            text.Append("kinetics changed: ").AppendJoin("; ", _lawChanges.Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Window} at {c.Report.DoseEA2:F0} e/Å² ({KineticsText.Law(c.Previous)} → {KineticsText.Law(c.Current)})")));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"0.13 [0.04, 0.28]", or "–" without a model estimate.</summary>
    public static string Integrity(WindowReport w) =>
        w.Integrity is { } i ? string.Create(CultureInfo.InvariantCulture, $"{i:F2} [{w.IntegrityLo:F2}, {w.IntegrityHi:F2}]") : "–";

    /// <summary>True when a table should give θ's crossing dose beside D50: at θ = 0.5 the two are the same.</summary>
    public static bool HasCrossingColumn(double threshold) => Math.Abs(threshold - 0.5) > 1e-12;

    /// <summary>"reaches 0.7 [90%] e/Å²", the heading of that column.</summary>
    public static string CrossingHeader(double threshold) =>
        $"reaches {threshold.ToString("0.##", CultureInfo.InvariantCulture)} [90%] e/Å²";

    /// <summary>
    /// The crossing dose of θ with its 90% interval, "640 [560, 730]"; "&gt; 560 (not yet forecast)" while only its "not
    /// before" dose is known; or "–" (no model estimate, or results written before the interval was).
    /// </summary>
    public static string Crossing(WindowReport w) => w.CrossDoseEA2 is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{c:F0} [{w.CrossDoseLoEA2:F0}, {(w.CrossDoseHiEA2 is { } hi ? hi.ToString("F0", CultureInfo.InvariantCulture) : "∞")}]")
        : w.CrossDoseLoEA2 is { } lo
            ? string.Create(CultureInfo.InvariantCulture, $"> {lo:F0} (not yet forecast)")
            : "–";

    /// <summary>
    /// "1418 [1085, 1965]", "1418 [1085, ∞]", "&gt; 10680 (not yet estimable)", "&gt; 409 (probably passed)" (not estimable, but a
    /// window changing significantly whose central integrity is already below 0.5, as the dashboards say), or "–".
    /// </summary>
    public static string D50(WindowReport w, bool changing = false) => w.D50EA2 is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d:F0} [{w.D50LoEA2:F0}, {(w.D50HiEA2 is { } hi ? hi.ToString("F0", CultureInfo.InvariantCulture) : "∞")}]")
        : w.D50LoEA2 is { } lo
            ? string.Create(CultureInfo.InvariantCulture, $"> {lo:F0} ({(IntegrityStandings.Of(w, 0.5, changing) == IntegrityStanding.NotBelow ? "not yet estimable" : "probably passed")})")
            : "–";
}
